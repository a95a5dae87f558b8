package io.rebound.infrastructure;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Signed tokens for demo users, from the devstack {@link TokenIssuer} this JVM's tests run against, or from a
 * {@link Keycloak} whose {@link Keycloak#quarkusConfig()} a test applied: {@code given().auth().oauth2(Tokens.runner("r-1"))}.
 * Asks over HTTP, so it works from any class loader and from another process. The token URL comes from the system
 * property {@code rebound.devstack.token-url} (set by the test kit's {@code DevstackResource}), else the environment variable
 * {@code REBOUND_TOKEN_URL} (for {@code ./rebound up}, the {@code token.url} of its endpoints file: Keycloak's),
 * else devstack's token issuer on its default port. Keycloak's tokens are real ones only: {@link #expired},
 * {@link #fromIssuer}, {@link #forAudience}, {@link #withoutAudience} and {@link #expiredSecondsAgo} need the token
 * issuer.
 */
public final class Tokens {

    /** Where a local devstack ({@code ./rebound up}) serves tokens. */
    public static final String LOCAL_TOKEN_URL = "http://127.0.0.1:" + Ports.Plan.localDefaults().issuer() + "/token";

    /** The system property that names the token URL; the test kit's resource and {@link Keycloak} set it. */
    public static final String TOKEN_URL_PROPERTY = "rebound.devstack.token-url";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Tokens() {
    }

    /** A runner's token: role {@code runner}, subject their runnerId. */
    public static String runner(String runnerId) {
        return token(runnerId, "runner");
    }

    /** A PT's token: role {@code pt}, subject their PT id (see the docs/security.md). */
    public static String pt(String ptId) {
        return token(ptId, "pt");
    }

    /** An operator's token: role {@code admin}. */
    public static String admin() {
        return token("admin", "admin");
    }

    /** A token for any subject and comma-separated roles. */
    public static String token(String subject, String groups) {
        return fetch(subject, groups, "");
    }

    /** A token signed by the right key that expired a minute ago: services must refuse it. */
    public static String expired(String subject, String groups) {
        return fetch(subject, groups, "&expiresIn=-60");
    }

    /** A token signed by the right key but naming another issuer: services must refuse it. */
    public static String fromIssuer(String issuer, String subject, String groups) {
        return fetch(subject, groups, "&issuer=" + URLEncoder.encode(issuer, StandardCharsets.UTF_8));
    }

    /** A token whose {@code aud} claim names this audience, for services that check it. */
    public static String forAudience(String audience, String subject, String groups) {
        return fetch(subject, groups, "&audience=" + URLEncoder.encode(audience, StandardCharsets.UTF_8));
    }

    /** A token with no {@code aud} claim at all: services in production refuse it. */
    public static String withoutAudience(String subject, String groups) {
        return fetch(subject, groups, "&audience=");
    }

    /** A token that expired this many seconds ago, for the clock skew a service allows. */
    public static String expiredSecondsAgo(long seconds, String subject, String groups) {
        return fetch(subject, groups, "&expiresIn=" + (-seconds));
    }

    private static String fetch(String subject, String groups, String extra) {
        String url = tokenUrl() + "?sub=" + URLEncoder.encode(subject, StandardCharsets.UTF_8) + "&groups="
                + URLEncoder.encode(groups, StandardCharsets.UTF_8) + extra;
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the devstack token issuer at " + url + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("no devstack token issuer at " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + url + " for a token", e);
        }
    }

    static String tokenUrl() {
        String url = System.getProperty(TOKEN_URL_PROPERTY, System.getenv("REBOUND_TOKEN_URL"));
        return url == null || url.isBlank() ? LOCAL_TOKEN_URL : url;
    }
}
