package io.rebound.support.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The filter in front of a real Vert.x HTTP server, called over real sockets from two loopback addresses
 * (127.0.0.1 and 127.0.0.2 are different sources): API 2/s with a burst of 3, webhooks 1/s with a burst of 2,
 * JSON bodies up to 64 bytes, uploads up to 256, URIs up to 1000 characters. The buckets' clock stands still
 * unless a test moves it, so a slow or busy machine cannot refill a bucket between two calls.
 */
class RequestLimitFilterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SimpleMeterRegistry METRICS = new SimpleMeterRegistry();
    private static final java.util.concurrent.atomic.AtomicLong CLOCK = new java.util.concurrent.atomic.AtomicLong();
    private static Vertx vertx;
    private static HttpServer server;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.route().order(-1).handler(new RequestLimitFilter(Map.of(
                RouteKind.API, new TokenBuckets(2, 3, 100, CLOCK::get),
                RouteKind.WEBHOOK, new TokenBuckets(1, 2, 100, CLOCK::get)), 64, 256, 1000, METRICS, JSON));
        router.route().handler(BodyHandler.create());
        router.route().handler(rc -> rc.response().end("ok"));
        server = vertx.createHttpServer(new HttpServerOptions().setMaxInitialLineLength(65536)).requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void sourceOverItsBurstGets429WithRetryAfterAndRecoversWhileOthersAreUnaffected() throws Exception {
        String path = "/api/v1/plans/r-1";
        for (int i = 0; i < 3; i++) {
            assertThat(call("127.0.0.1", "GET", path, null, null).status).isEqualTo(200);
        }
        Reply refused = call("127.0.0.1", "GET", path, null, null);
        assertThat(refused.status).isEqualTo(429);
        assertThat(refused.headers.get("content-type")).isEqualTo("application/problem+json");
        assertThat(Long.parseLong(refused.headers.get("retry-after"))).isBetween(1L, 2L);
        JsonNode problem = JSON.readTree(refused.body);
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("instance").asText()).isEqualTo(path);
        assertThat(METRICS.counter(RequestLimitFilter.RATE_LIMITED_METRIC, "route_kind", "api").count()).isPositive();

        assertThat(call("127.0.0.2", "GET", path, null, null).status).as("another source").isEqualTo(200);
        assertThat(call("127.0.0.1", "GET", "/q/health/ready", null, null).status).as("/q is never limited")
                .isEqualTo(200);
        assertThat(call("127.0.0.1", "POST", "/api/v1/webhooks/generic", "application/json", "{}").status)
                .as("webhooks have their own buckets").isEqualTo(200);

        CLOCK.addAndGet(TimeUnit.SECONDS.toNanos(1));
        assertThat(call("127.0.0.1", "GET", path, null, null).status).as("a second later").isEqualTo(200);
    }

    @Test
    void webhookSourceIsLimitedOnItsOwnBudget() throws Exception {
        String path = "/api/v1/webhooks/garmin";
        int accepted = 0;
        Reply last = null;
        for (int i = 0; i < 6 && (last == null || last.status != 429); i++) {
            last = call("127.0.0.2", "POST", path, "application/json", "{\"a\": 1}");
            accepted += last.status == 200 ? 1 : 0;
        }
        assertThat(last.status).isEqualTo(429);
        assertThat(accepted).as("the burst of 2").isEqualTo(2);
        assertThat(last.headers).containsKey("retry-after");
        assertThat(METRICS.counter(RequestLimitFilter.RATE_LIMITED_METRIC, "route_kind", "webhook").count())
                .isPositive();
    }

    @Test
    void bodyDeclaredLargerThanTheLimitIs413ProblemJsonAndUploadsHaveTheirOwnLimit() throws Exception {
        String big = "{\"note\": \"" + "x".repeat(100) + "\"}";
        Reply refused = call("127.0.0.3", "POST", "/api/v1/activities", "application/json", big);
        assertThat(refused.status).isEqualTo(413);
        assertThat(refused.headers.get("content-type")).isEqualTo("application/problem+json");
        assertThat(JSON.readTree(refused.body).get("detail").asText()).contains("at most 64 bytes");

        Reply upload = call("127.0.0.4", "POST", "/api/v1/runners/r/activities/files",
                "multipart/form-data; boundary=b", "--b\r\n" + "x".repeat(100) + "\r\n--b--\r\n");
        assertThat(upload.status).isEqualTo(200);
        Reply bigUpload = call("127.0.0.4", "POST", "/api/v1/runners/r/activities/files",
                "multipart/form-data; boundary=b", "--b\r\n" + "x".repeat(300) + "\r\n--b--\r\n");
        assertThat(bigUpload.status).isEqualTo(413);
        assertThat(bigUpload.headers.get("content-type")).isEqualTo("application/problem+json");
        assertThat(call("127.0.0.3", "POST", "/api/v1/activities", "application/json", "{}").status).isEqualTo(200);
    }

    @Test
    void uriOverItsLimitIs414ProblemJson() throws Exception {
        assertThat(call("127.0.0.5", "GET", "/api/v1/plans?x=" + "a".repeat(900), null, null).status).isEqualTo(200);
        Reply refused = call("127.0.0.5", "GET", "/api/v1/plans?x=" + "a".repeat(10_000), null, null);
        assertThat(refused.status).isEqualTo(414);
        assertThat(refused.headers.get("content-type")).isEqualTo("application/problem+json");
        assertThat(JSON.readTree(refused.body).get("detail").asText()).contains("at most 1000");
    }

    @Test
    void bodyWithoutContentTypeIs415ProblemJson() throws Exception {
        Reply refused = call("127.0.0.6", "POST", "/api/v1/activities", null, "{\"a\": 1}");
        assertThat(refused.status).isEqualTo(415);
        assertThat(refused.headers.get("content-type")).isEqualTo("application/problem+json");
        assertThat(JSON.readTree(refused.body).get("detail").asText()).contains("Content-Type");
        assertThat(call("127.0.0.6", "POST", "/api/v1/activities", null, "").status).as("no body, no type needed")
                .isEqualTo(200);
    }

    private record Reply(int status, Map<String, String> headers, String body) {
    }

    /** One HTTP/1.1 request on its own socket, bound to the given loopback address so the server sees that source. */
    private static Reply call(String from, String method, String path, String contentType, String body)
            throws IOException {
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(10_000);
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", server.actualPort()), 10_000);
            byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n");
            if (contentType != null) {
                request.append("Content-Type: ").append(contentType).append("\r\n");
            }
            if (body != null) {
                request.append("Content-Length: ").append(payload.length).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(payload);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String[] head = text.substring(0, split).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.put(head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).trim());
            }
            return new Reply(Integer.parseInt(head[0].split(" ")[1]), headers, text.substring(split + 4));
        }
    }
}
