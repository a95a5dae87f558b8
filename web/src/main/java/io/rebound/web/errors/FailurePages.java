package io.rebound.web.errors;

import io.quarkus.logging.Log;
import io.rebound.web.security.SecurityHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.ConnectException;

/**
 * A sign-in that cannot reach the identity provider gets the friendly 503 page, not Quarkus's plain-text 500. Every
 * other failure before a page is reached (the sign-in's own redirects among them) goes on to Quarkus.
 */
@ApplicationScoped
public class FailurePages {

    private final SecurityHeaders headers;

    public FailurePages(SecurityHeaders headers) {
        this.headers = headers;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    void handle(RoutingContext context) {
        Throwable failure = context.failure();
        // Everything else, the sign-in's own redirects included, is Quarkus's to handle.
        if (context.response().headWritten() || !unreachable(failure)) {
            context.next();
            return;
        }
        Log.warnf("sign-in could not reach the identity provider: %s", failure);
        String html = ErrorPages.Templates.error(null, "", 503, "Service unavailable",
                "Signing in is not possible right now. Please try again in a minute.").render();
        headers.apply(context.response());
        context.response().setStatusCode(503).putHeader("Content-Type", "text/html; charset=UTF-8").end(html);
    }

    /** The identity provider (or anything else the request needed) could not be connected to. */
    static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || (t.getMessage() != null && t.getMessage().contains("OIDC Server is not available"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
