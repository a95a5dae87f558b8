package io.rebound.web.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A strict Content-Security-Policy and friends on every answer: scripts and styles only from this app's own files
 * (no inline ones anywhere), forms posting only here or to the identity provider (sign-in and sign-out redirect
 * there), never framed. The Devices pages' forms may also lead to the providers' authorization pages: "Connect"
 * posts here and is redirected there, and browsers hold a form's redirects to form-action too.
 */
@ApplicationScoped
public class SecurityHeaders {

    private static final Pattern DEVICES = Pattern.compile("/runners/[^/]+/devices(/.*)?");

    private final String policy;
    private final String devicesPolicy;

    public SecurityHeaders(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String authServerUrl,
            @ConfigProperty(name = "rebound.web.connect.authorization-origins") Optional<List<String>> authorizationOrigins) {
        this.policy = policy(authServerUrl, List.of());
        this.devicesPolicy = policy(authServerUrl, authorizationOrigins.orElse(List.of()));
    }

    static String policy(String authServerUrl) {
        return policy(authServerUrl, List.of());
    }

    /** The policy whose forms may lead here, to the identity provider and to these origins (not URLs are left out). */
    static String policy(String authServerUrl, List<String> formTargets) {
        StringBuilder formAction = new StringBuilder("'self'");
        Stream.concat(Stream.of(authServerUrl), formTargets.stream()).map(SecurityHeaders::origin)
                .filter(Objects::nonNull).distinct().forEach(o -> formAction.append(' ').append(o));
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "form-action " + formAction + "; "
                + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    }

    /** scheme://host[:port] of the identity provider, or null when the setting is not a URL. */
    static String origin(String url) {
        if (url == null) {
            return null;
        }
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
            String path = context.normalizedPath();
            apply(context.response(), path != null && DEVICES.matcher(path).matches() ? devicesPolicy : policy);
            context.next();
        }, 100);
    }

    /** Puts the headers on an answer; also for answers made outside the filters (a failed sign-in). */
    public void apply(HttpServerResponse response) {
        apply(response, policy);
    }

    private void apply(HttpServerResponse response, String contentSecurityPolicy) {
        response.headers()
                .set("Content-Security-Policy", contentSecurityPolicy)
                .set("X-Content-Type-Options", "nosniff")
                .set("Referrer-Policy", "same-origin")
                .set("X-Frame-Options", "DENY");
    }
}
