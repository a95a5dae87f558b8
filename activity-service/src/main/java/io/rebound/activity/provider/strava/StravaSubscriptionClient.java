package io.rebound.activity.provider.strava;

import com.fasterxml.jackson.databind.JsonNode;
import io.rebound.activity.provider.ProviderJson;
import io.rebound.support.json.TreeReaders;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Strava's push subscription API ({@code /api/v3/push_subscriptions}), which an application calls with its own
 * client id and secret, not an athlete's token: create (Strava checks the callback with the handshake before it
 * answers), view, delete. Blocking; call it off the event loop.
 */
public final class StravaSubscriptionClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI baseUrl;
    private final HttpClient http;
    private final String clientId;
    private final String clientSecret;

    /** @param baseUrl {@code https://www.strava.com} in production */
    public StravaSubscriptionClient(URI baseUrl, HttpClient http, String clientId, String clientSecret) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.http = Objects.requireNonNull(http, "http");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
    }

    /** A subscription as Strava shows it. */
    public record Subscription(long id, String callbackUrl, Instant createdAt) {
    }

    /** Strava answered with an error, or could not be reached. */
    public static final class StravaRefused extends RuntimeException {

        private final int status;

        StravaRefused(int status, String message) {
            super(message);
            this.status = status;
        }

        /** Strava's HTTP status; 0 when it could not be reached. */
        public int status() {
            return status;
        }
    }

    /** Creates our subscription; answers its id. */
    public long create(String callbackUrl, String verifyToken) {
        Map<String, String> form = new LinkedHashMap<>(credentials());
        form.put("callback_url", callbackUrl);
        form.put("verify_token", verifyToken);
        HttpRequest request = HttpRequest.newBuilder(uri("", Map.of())).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build();
        JsonNode answer = ProviderJson.parseObject(send(request, "create the subscription"), "strava subscription");
        return ProviderJson.requiredLong(answer, "id");
    }

    /** The subscriptions Strava holds for our application (at most one). */
    public List<Subscription> list() {
        HttpRequest request = HttpRequest.newBuilder(uri("", credentials())).timeout(TIMEOUT).GET().build();
        String body = send(request, "list the subscriptions");
        JsonNode array;
        try {
            array = TreeReaders.strictSyntax().readTree(body);
        } catch (IOException e) {
            throw new StravaRefused(502, "Strava's list of subscriptions is not JSON");
        }
        if (array == null || !array.isArray()) {
            throw new StravaRefused(502, "Strava's list of subscriptions is not a JSON array");
        }
        List<Subscription> subscriptions = new ArrayList<>();
        for (JsonNode item : array) {
            subscriptions.add(new Subscription(ProviderJson.requiredLong(item, "id"),
                    ProviderJson.optionalText(item, "callback_url").orElse(null),
                    ProviderJson.optionalText(item, "created_at").map(StravaSubscriptionClient::instant).orElse(null)));
        }
        return subscriptions;
    }

    /** Deletes a subscription of ours; Strava answers 204. */
    public void delete(long id) {
        HttpRequest request = HttpRequest.newBuilder(uri("/" + id, credentials())).timeout(TIMEOUT).DELETE().build();
        send(request, "delete subscription " + id);
    }

    private Map<String, String> credentials() {
        return Map.of("client_id", clientId, "client_secret", clientSecret);
    }

    private URI uri(String suffix, Map<String, String> query) {
        String base = baseUrl.toString().replaceAll("/+$", "") + "/api/v3/push_subscriptions" + suffix;
        return URI.create(query.isEmpty() ? base : base + "?" + encode(query));
    }

    private String send(HttpRequest request, String what) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new StravaRefused(0, "could not reach Strava to " + what + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StravaRefused(0, "interrupted while asking Strava to " + what);
        }
        if (response.statusCode() / 100 != 2) {
            throw new StravaRefused(response.statusCode(), "Strava would not " + what + " (HTTP " + response.statusCode()
                    + "): " + errors(response.body()));
        }
        return response.body();
    }

    /** Strava's error body: {@code {"message": "Bad Request", "errors": [{"resource", "field", "code"}]}}. */
    private static String errors(String body) {
        try {
            JsonNode root = TreeReaders.strictSyntax().readTree(body);
            if (root == null || !root.isObject()) {
                return "no details";
            }
            List<String> parts = new ArrayList<>();
            root.path("errors").forEach(error -> parts.add(error.path("field").asText("") + " "
                    + error.path("code").asText("")));
            String message = root.path("message").asText("");
            return (message + (parts.isEmpty() ? "" : " (" + String.join("; ", parts).trim() + ")")).trim();
        } catch (IOException e) {
            return "no details";
        }
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
