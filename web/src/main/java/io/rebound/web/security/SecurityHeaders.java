package io.rebound.web.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A strict Content-Security-Policy and friends on every answer: scripts and styles only from this app's own files
 * (no inline ones anywhere), forms posting only here or to the identity provider (sign-in and sign-out redirect
 * there), never framed.
 */
@ApplicationScoped
public class SecurityHeaders {

    private final String policy;

    public SecurityHeaders(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String authServerUrl) {
        this.policy = policy(authServerUrl);
    }

    static String policy(String authServerUrl) {
        String provider = origin(authServerUrl);
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "form-action 'self'" + (provider == null ? "" : " " + provider) + "; "
                + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    }

    /** scheme://host[:port] of the identity provider, or null when the setting is not a URL. */
    static String origin(String url) {
        try {
            URI uri = URI.create(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    void register(@Observes Filters filters) {
        filters.register(context -> {
            apply(context.response());
            context.next();
        }, 100);
    }

    /** Puts the headers on an answer; also for answers made outside the filters (a failed sign-in). */
    public void apply(HttpServerResponse response) {
        response.headers()
                .set("Content-Security-Policy", policy)
                .set("X-Content-Type-Options", "nosniff")
                .set("Referrer-Policy", "same-origin")
                .set("X-Frame-Options", "DENY");
    }
}
