package io.rebound.infrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real SMTP server (GreenMail) plus a small HTTP view of what it received. The view answers the part of
 * Mailpit's API that Rebound's tests use, so the same test code reads an embedded server or a Mailpit container:
 * {@code GET /api/v1/messages}, {@code GET /api/v1/message/{ID}/raw}, {@code DELETE /api/v1/messages}, and
 * {@code GET /} as a page for people.
 *
 * <p>Tests can take the SMTP server down and bring it back on the same port ({@link #pause()}, {@link #resume()}),
 * to see what a sender does in an outage, or leave it hanging ({@link #hang()}): connections taken, not answered.
 * The HTTP view stays up throughout, and mail received before the outage is kept.
 */
public final class Smtp implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GreenMail greenMail;
    private final ServerSetup setup;
    private final HttpServer http;
    /** The listener accepting SMTP connections now, or the one that did until {@link #pause()}. */
    private SmtpServer listener;
    private boolean accepting = true;
    /** Takes connections on the SMTP port and never answers them, between {@link #hang()} and {@link #resume()}. */
    private Silence silence;

    private Smtp(GreenMail greenMail, ServerSetup setup, HttpServer http) {
        this.greenMail = greenMail;
        this.setup = setup;
        this.http = http;
        this.listener = greenMail.getSmtp();
    }

    public static Smtp start(int smtpPort, int mailboxPort) throws IOException {
        ServerSetup setup = new ServerSetup(Ports.orFree(smtpPort), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail greenMail = new GreenMail(setup)
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), Ports.orFree(mailboxPort)), 0);
        Smtp smtp = new Smtp(greenMail, setup, http);
        http.createContext("/", smtp::handle);
        http.start();
        return smtp;
    }

    public int smtpPort() {
        return setup.getPort();
    }

    /**
     * Takes the SMTP server down: from now on its port refuses connections, as a crashed or unreachable server's
     * would, and a session in progress is cut. The mailbox view stays up, with every message received so far.
     * Does nothing when already paused.
     */
    public synchronized void pause() {
        if (accepting) {
            listener.stopService();
            accepting = false;
        }
    }

    /**
     * Leaves the SMTP server hanging, as a wedged or very slow server does: its port takes connections and then
     * says nothing, not even the greeting, until {@link #resume()} (the server restarted: those connections are cut)
     * or {@link #answerLate()} (the server catches up and answers them). Does nothing when already hanging.
     */
    public synchronized void hang() throws IOException {
        if (silence != null) {
            return;
        }
        pause();
        silence = Silence.on(setup.getBindAddress(), smtpPort());
    }

    /**
     * Brings the SMTP server back on the same port, with the mail it had; returns once it accepts connections.
     * Connections taken while it hung are closed first. Does nothing when it is neither paused nor hanging.
     */
    public synchronized void resume() {
        if (silence != null) {
            silence.close();
            silence = null;
        }
        restart();
    }

    /**
     * Ends {@link #hang()} as a slow server does: it is back on the same port, and the connections it took while
     * silent are answered now, late (a client that gave up on one meanwhile has closed it, or not).
     */
    public synchronized void answerLate() {
        Silence held = silence;
        silence = null;
        if (held != null) {
            held.stopAccepting();
        }
        restart();
        if (held != null) {
            held.handOverTo(setup.getBindAddress(), smtpPort());
        }
    }

    private void restart() {
        if (accepting) {
            return;
        }
        // A GreenMail listener is a thread and cannot start twice; a new one on the same mail store takes over.
        SmtpServer restarted = new SmtpServer(setup, greenMail.getManagers());
        restarted.startService();
        try {
            if (!restarted.waitTillRunning(setup.getServerStartupTimeout())) {
                restarted.stopService();
                throw new IllegalStateException("SMTP did not accept connections again on port " + smtpPort()
                        + " within " + setup.getServerStartupTimeout() + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            restarted.stopService();
            throw new IllegalStateException("interrupted while restarting SMTP on port " + smtpPort(), e);
        }
        listener = restarted;
        accepting = true;
    }

    /** Whether SMTP is served: false between {@link #pause()} or {@link #hang()} and {@link #resume()}. */
    public synchronized boolean accepting() {
        return accepting;
    }

    public String mailboxUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    public MimeMessage[] received() {
        return greenMail.getReceivedMessages();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            MimeMessage[] messages = received();
            if (method.equals("GET") && path.equals("/api/v1/messages")) {
                respond(exchange, 200, "application/json", JSON.writeValueAsString(summary(messages)));
            } else if (method.equals("DELETE") && path.equals("/api/v1/messages")) {
                greenMail.purgeEmailFromAllMailboxes();
                respond(exchange, 200, "text/plain", "ok");
            } else if (method.equals("GET") && path.matches("/api/v1/message/\\d+/raw")) {
                int index = Integer.parseInt(path.split("/")[4]) - 1;
                if (index < 0 || index >= messages.length) {
                    respond(exchange, 404, "text/plain", "no message " + (index + 1));
                } else {
                    respond(exchange, 200, "message/rfc822", GreenMailUtil.getWholeMessage(messages[index]));
                }
            } else if (method.equals("GET") && path.equals("/")) {
                respond(exchange, 200, "text/html; charset=utf-8", page(messages));
            } else {
                respond(exchange, 404, "text/plain", "not found: " + method + " " + path);
            }
        } catch (MessagingException | com.icegreen.greenmail.store.FolderException e) {
            throw new IOException(e);
        }
    }

    private static Map<String, Object> summary(MimeMessage[] messages) throws MessagingException {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < messages.length; i++) {
            MimeMessage message = messages[i];
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("ID", Integer.toString(i + 1));
            item.put("Subject", message.getSubject());
            item.put("From", address(message.getFrom() == null ? null : message.getFrom()[0]));
            List<Map<String, String>> to = new ArrayList<>();
            Address[] recipients = message.getRecipients(MimeMessage.RecipientType.TO);
            if (recipients != null) {
                for (Address recipient : recipients) {
                    to.add(address(recipient));
                }
            }
            item.put("To", to);
            item.put("Created", message.getSentDate() == null ? null : message.getSentDate().toInstant().toString());
            String messageId = message.getMessageID();
            // Mailpit's field: the Message-ID header without its angle brackets.
            item.put("MessageID", messageId == null ? "" : messageId.replaceAll("^<|>$", ""));
            list.add(item);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("total", messages.length);
        summary.put("messages", list);
        return summary;
    }

    private static Map<String, String> address(Address address) {
        Map<String, String> map = new LinkedHashMap<>();
        if (address instanceof InternetAddress internet) {
            map.put("Name", internet.getPersonal() == null ? "" : internet.getPersonal());
            map.put("Address", internet.getAddress());
        }
        return map;
    }

    private static String page(MimeMessage[] messages) throws MessagingException {
        StringBuilder html = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>Rebound devstack mailbox</title></head>"
                + "<body><h1>Mail received by the devstack SMTP server</h1>");
        if (messages.length == 0) {
            html.append("<p>No mail yet.</p>");
        }
        html.append("<ol>");
        for (int i = 0; i < messages.length; i++) {
            Address[] to = messages[i].getRecipients(MimeMessage.RecipientType.TO);
            html.append("<li><a href=\"/api/v1/message/").append(i + 1).append("/raw\">")
                    .append(escape(messages[i].getSubject())).append("</a> to ")
                    .append(escape(to == null ? "" : InternetAddress.toString(to))).append("</li>");
        }
        return html.append("</ol></body></html>").toString();
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        http.stop(0);
        synchronized (this) {
            if (silence != null) {
                silence.close();
                silence = null;
            }
            if (listener != greenMail.getSmtp()) {
                listener.stopService();
            }
        }
        greenMail.stop();
    }

    /**
     * A listening socket that accepts connections on a thread of its own and holds them, silent, until it hands
     * them over to the real server (each piped to a connection of its own) or closes them.
     */
    private static final class Silence implements AutoCloseable {

        private final ServerSocket server;
        private final List<Socket> held = new CopyOnWriteArrayList<>();

        private Silence(ServerSocket server) {
            this.server = server;
        }

        static Silence on(String host, int port) throws IOException {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(host, port));
            Silence silence = new Silence(server);
            Thread accepter = new Thread(silence::holdEveryConnection, "smtp-silence-" + port);
            accepter.setDaemon(true);
            accepter.start();
            return silence;
        }

        private void holdEveryConnection() {
            while (!server.isClosed()) {
                try {
                    held.add(server.accept());
                } catch (IOException closed) {
                    return;
                }
            }
        }

        void stopAccepting() {
            closeQuietly(server);
        }

        /** Pipes each held connection to the server now listening at host:port, both ways, until either side ends. */
        void handOverTo(String host, int port) {
            for (Socket client : held) {
                try {
                    Socket upstream = new Socket(host, port);
                    pipe(client, upstream);
                    pipe(upstream, client);
                } catch (IOException e) {
                    closeQuietly(client);
                }
            }
        }

        private static void pipe(Socket from, Socket to) {
            Thread copier = new Thread(() -> {
                try {
                    from.getInputStream().transferTo(to.getOutputStream());
                } catch (IOException ended) {
                    // one side closed: close both below
                } finally {
                    closeQuietly(from);
                    closeQuietly(to);
                }
            }, "smtp-late-answer");
            copier.setDaemon(true);
            copier.start();
        }

        @Override
        public void close() {
            stopAccepting();
            held.forEach(Silence::closeQuietly);
        }

        private static void closeQuietly(java.io.Closeable closeable) {
            try {
                closeable.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
