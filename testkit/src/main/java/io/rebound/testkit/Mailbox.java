package io.rebound.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Reads back the mail an SMTP server received, through the Mailpit API (devstack's own or a Mailpit container). */
public final class Mailbox {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    public Mailbox(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Every message received so far, parsed, oldest first. */
    public List<MimeMessage> messages() {
        try {
            JsonNode list = JSON.readTree(get("/api/v1/messages", HttpResponse.BodyHandlers.ofString()));
            List<MimeMessage> messages = new ArrayList<>();
            for (JsonNode item : list.path("messages")) {
                try (InputStream raw = get("/api/v1/message/" + item.path("ID").asText() + "/raw",
                        HttpResponse.BodyHandlers.ofInputStream())) {
                    messages.add(new MimeMessage(Session.getInstance(new Properties()), raw));
                }
            }
            return messages;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the mailbox at " + baseUrl + ": " + e.getMessage(), e);
        }
    }

    /**
     * The To addresses of every message received so far, lower-cased, one entry per message and recipient: read
     * from the message list alone, so it stays cheap with thousands of messages.
     */
    public List<String> recipients() {
        return received().stream().map(Received::to).toList();
    }

    /** One entry per message and To recipient, from the message list alone: cheap with thousands of messages. */
    public List<Received> received() {
        try {
            // Mailpit pages its list (50 by default); devstack's own view ignores the limit and lists everything.
            JsonNode list = JSON.readTree(get("/api/v1/messages?limit=1000000", HttpResponse.BodyHandlers.ofString()));
            List<Received> received = new ArrayList<>();
            for (JsonNode item : list.path("messages")) {
                for (JsonNode to : item.path("To")) {
                    received.add(new Received(to.path("Address").asText().toLowerCase(java.util.Locale.ROOT),
                            item.path("MessageID").asText()));
                }
            }
            return received;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the mailbox at " + baseUrl + ": " + e.getMessage(), e);
        }
    }

    /**
     * A message as one recipient received it.
     *
     * @param to        the recipient's address, lower-cased
     * @param messageId its Message-ID header without the angle brackets; the same for a message sent again
     */
    public record Received(String to, String messageId) {
    }

    /**
     * Messages addressed (To) to the given address, oldest first. Picked from the message list, so only those are
     * downloaded: cheap however much other mail the server holds.
     */
    public List<MimeMessage> messagesTo(String address) {
        try {
            JsonNode list = JSON.readTree(get("/api/v1/messages?limit=1000000", HttpResponse.BodyHandlers.ofString()));
            List<MimeMessage> messages = new ArrayList<>();
            for (JsonNode item : list.path("messages")) {
                boolean ours = false;
                for (JsonNode to : item.path("To")) {
                    ours |= to.path("Address").asText().equalsIgnoreCase(address);
                }
                if (ours) {
                    try (InputStream raw = get("/api/v1/message/" + item.path("ID").asText() + "/raw",
                            HttpResponse.BodyHandlers.ofInputStream())) {
                        messages.add(new MimeMessage(Session.getInstance(new Properties()), raw));
                    }
                }
            }
            return messages.stream().filter(m -> addressedTo(m, address)).toList();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the mailbox at " + baseUrl + ": " + e.getMessage(), e);
        }
    }

    private static boolean addressedTo(MimeMessage message, String address) {
        try {
            var to = message.getRecipients(MimeMessage.RecipientType.TO);
            if (to == null) {
                return false;
            }
            for (var recipient : to) {
                if (recipient instanceof jakarta.mail.internet.InternetAddress internet
                        && internet.getAddress().equalsIgnoreCase(address)) {
                    return true;
                }
            }
            return false;
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T get(String path, HttpResponse.BodyHandler<T> handler) throws IOException, InterruptedException {
        HttpResponse<T> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(), handler);
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode());
        }
        return response.body();
    }
}
