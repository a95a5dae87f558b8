package io.rebound.support.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.rebound.support.problem.Problem;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Runs before every request reaches a resource: refuses a source (the client's address) that is over its rate
 * limit for the kind of route with 429 and {@code Retry-After}, a URI longer than its limit with 414, a body without
 * a {@code Content-Type} with 415 (it would otherwise be read as JSON unasked), and a body declared larger than the
 * JSON limit with 413, all as problem+json. {@code /q/**} passes untouched. Multipart uploads have their own, larger
 * limit. A JSON body sent without a length (chunked) is stopped by the JSON parser at the same limit
 * ({@code JsonCustomizer}).
 */
public final class RequestLimitFilter implements Handler<RoutingContext> {

    public static final String RATE_LIMITED_METRIC = "rebound.http.rate.limited";
    public static final String TOO_LARGE_METRIC = "rebound.http.body.too.large";

    private final Map<RouteKind, TokenBuckets> limits;
    private final long maxJsonBody;
    private final long maxUploadBody;
    private final int maxUriLength;
    private final MeterRegistry metrics;
    private final ObjectMapper json;

    /**
     * @param limits the buckets for each route kind that is limited; a kind left out is not rate limited
     * @param maxJsonBody the largest declared body of a request that is not a multipart upload, in bytes
     * @param maxUploadBody the largest declared multipart upload (the server's own limit, which would only drop the
     *     connection), in bytes
     * @param maxUriLength the longest path and query, in characters (the server's own limit on the request line,
     *     {@code quarkus.http.limits.max-initial-line-length}, must be higher, or it answers 414 with no body)
     */
    public RequestLimitFilter(Map<RouteKind, TokenBuckets> limits, long maxJsonBody, long maxUploadBody,
            int maxUriLength, MeterRegistry metrics, ObjectMapper json) {
        this.limits = limits.isEmpty() ? Map.of() : new EnumMap<>(limits);
        this.maxJsonBody = maxJsonBody;
        this.maxUploadBody = maxUploadBody;
        this.maxUriLength = maxUriLength;
        this.metrics = metrics;
        this.json = json;
    }

    @Override
    public void handle(RoutingContext rc) {
        String path = rc.normalizedPath();
        RouteKind kind = RouteKind.of(path);
        if (kind == RouteKind.MANAGEMENT) {
            rc.next();
            return;
        }
        TokenBuckets buckets = limits.get(kind);
        if (buckets != null) {
            long retryAfter = buckets.take(source(rc));
            if (retryAfter > 0) {
                metrics.counter(RATE_LIMITED_METRIC, "route_kind", kind.tag()).increment();
                rc.response().putHeader("Retry-After", Long.toString(retryAfter));
                refuse(rc, 429, "Too Many Requests", "too many requests from your address; try again in "
                        + retryAfter + " s", path);
                return;
            }
        }
        String uri = rc.request().uri();
        if (uri.length() > maxUriLength) {
            refuse(rc, 414, "URI Too Long", "the path and query are " + uri.length() + " characters; at most "
                    + maxUriLength + " are accepted", shortened(path));
            return;
        }
        long declared = declaredLength(rc);
        String type = rc.request().getHeader(HttpHeaders.CONTENT_TYPE);
        boolean body = declared > 0 || rc.request().headers().contains(HttpHeaders.TRANSFER_ENCODING);
        if (body && (type == null || type.isBlank())) {
            refuse(rc, 415, "Unsupported Media Type", "a body must say what it is in Content-Type, e.g."
                    + " application/json", path);
            return;
        }
        long limit = multipart(type) ? maxUploadBody : maxJsonBody;
        if (declared > limit) {
            metrics.counter(TOO_LARGE_METRIC, "route_kind", kind.tag()).increment();
            rc.response().putHeader(HttpHeaders.CONNECTION, "close");
            refuse(rc, 413, "Content Too Large", "the body is " + declared + " bytes; at most " + limit
                    + " bytes are accepted here", path);
            return;
        }
        rc.next();
    }

    private static String source(RoutingContext rc) {
        SocketAddress remote = rc.request().remoteAddress();
        return remote == null || remote.host() == null ? "unknown" : remote.host();
    }

    private static long declaredLength(RoutingContext rc) {
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1; // the HTTP codec refuses a malformed length itself
        }
    }

    private static String shortened(String path) {
        return path.length() > 200 ? path.substring(0, 200) + "..." : path;
    }

    private static boolean multipart(String type) {
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    private void refuse(RoutingContext rc, int status, String title, String detail, String path) {
        String body = Problem.of(status, title, detail, path).toJson(json);
        Log.debugf("refused %s %s from %s: %d", rc.request().method(), path, source(rc), status);
        rc.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(body);
    }
}
