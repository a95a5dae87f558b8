package io.rebound.devstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) plus a small HTTP view of what it received. The view answers the part of
 * Mailpit's API that Rebound's tests use, so the same test code reads an embedded server or a Mailpit container:
 * {@code GET /api/v1/messages}, {@code GET /api/v1/message/{ID}/raw}, {@code DELETE /api/v1/messages}, and
 * {@code GET /} as a page for people.
 */
public final class Smtp implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GreenMail greenMail;
    private final HttpServer http;
    private final int smtpPort;

    private Smtp(GreenMail greenMail, HttpServer http, int smtpPort) {
        this.greenMail = greenMail;
        this.http = http;
        this.smtpPort = smtpPort;
    }

    public static Smtp start(int smtpPort, int mailboxPort) throws IOException {
        int port = Ports.orFree(smtpPort);
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), Ports.orFree(mailboxPort)), 0);
        Smtp smtp = new Smtp(greenMail, http, port);
        http.createContext("/", smtp::handle);
        http.start();
        return smtp;
    }

    public int smtpPort() {
        return smtpPort;
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
        greenMail.stop();
    }
}
