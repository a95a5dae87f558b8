package io.rebound.testkit;

import io.rebound.infrastructure.TokenIssuer;
import io.rebound.infrastructure.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every kind of credential a service must refuse with 401 problem+json and {@code WWW-Authenticate: Bearer}: none, a
 * token that is not a JWT, one signed by another key, an expired one, one from another issuer, and Basic auth. Sent to
 * each endpoint a test names; the answers that were anything else are listed, so one run shows every hole.
 */
public final class BadCredentials {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private BadCredentials() {
    }

    /** One endpoint: its method, its path (query included) and, for writes, a JSON body that would otherwise do. */
    public record Endpoint(String method, String path, String json) {

        public static Endpoint get(String path) {
            return new Endpoint("GET", path, null);
        }

        public static Endpoint delete(String path) {
            return new Endpoint("DELETE", path, null);
        }

        public static Endpoint write(String method, String path, String json) {
            return new Endpoint(method, path, json);
        }
    }

    /**
     * Sends every bad credential to every endpoint of the service at {@code base}; answers a line for each answer that
     * was not a 401 problem+json with a Bearer challenge (empty when all were refused as they should be).
     */
    public static List<String> notRefused(URI base, List<Endpoint> endpoints) throws IOException, InterruptedException {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> credential : authorizations().entrySet()) {
            for (Endpoint endpoint : endpoints) {
                HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(endpoint.path()))
                        .timeout(Duration.ofSeconds(30))
                        .method(endpoint.method(), endpoint.json() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(endpoint.json()));
                if (endpoint.json() != null) {
                    request.header("Content-Type", "application/json");
                }
                if (credential.getValue() != null) {
                    request.header("Authorization", credential.getValue());
                }
                HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                String type = response.headers().firstValue("Content-Type").orElse("");
                String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
                if (response.statusCode() != 401 || !type.startsWith("application/problem+json")
                        || !challenge.startsWith("Bearer")) {
                    wrong.add(credential.getKey() + ": " + endpoint.method() + " " + endpoint.path() + " answered "
                            + response.statusCode() + " " + type + " [" + challenge + "] " + response.body());
                }
            }
        }
        return wrong;
    }

    /** The Authorization header of each kind of bad credential (null: the header is left out). */
    static Map<String, String> authorizations() throws IOException {
        String forged;
        try (TokenIssuer stranger = TokenIssuer.start(0)) {
            forged = stranger.sign("admin", List.of("admin"));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("no token", null);
        headers.put("not a JWT", "Bearer not.a.jwt");
        headers.put("signed by another key", "Bearer " + forged);
        headers.put("expired", "Bearer " + Tokens.expired("admin", "admin"));
        headers.put("another issuer", "Bearer " + Tokens.fromIssuer("https://elsewhere.example", "admin", "admin"));
        headers.put("basic auth", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)));
        return headers;
    }
}
