package io.rebound.support.http;

import java.util.Locale;

/** Which limits a request path falls under: device webhooks, the rest of the public API, or neither. */
public enum RouteKind {
    /** {@code /api/v1/webhooks/**}: providers post in bursts from few addresses. */
    WEBHOOK,
    /** Every other path a client calls: {@code /api/**}, {@code /unsubscribe}. */
    API,
    /** {@code /q/**}: health, metrics and OpenAPI, for the platform; never limited. */
    MANAGEMENT;

    public static RouteKind of(String path) {
        if (path == null || path.equals("/q") || path.startsWith("/q/")) {
            return MANAGEMENT;
        }
        if (path.startsWith("/api/v1/webhooks/") || path.equals("/api/v1/webhooks")) {
            return WEBHOOK;
        }
        return API;
    }

    /** The value of the {@code route_kind} metric tag. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
