package io.rebound.support.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link FailureProblems} as the first failure handler of a real Vert.x router, ahead of a plain-text one. */
class FailureProblemsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Vertx vertx;
    private static HttpServer server;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        new FailureProblems(JSON).register(router);
        router.route("/status/:code").handler(rc -> rc.fail(Integer.parseInt(rc.pathParam("code"))));
        router.route("/multipart").handler(rc -> rc.fail(new RuntimeException(
                new MultipartParser.MalformedMessageException())));
        router.route("/terminated").handler(rc -> rc.fail(new IOException("Connection terminated reading multipart data")));
        router.route("/bug").handler(rc -> rc.fail(new IllegalStateException("our bug")));
        router.get("/get-only").handler(rc -> rc.response().end("ok"));
        router.route().last().failureHandler(rc -> rc.response().setStatusCode(rc.statusCode() > 0 ? rc.statusCode() : 500)
                .putHeader("Content-Type", "text/plain").end("plain"));
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void clientStatusesAreProblemJsonWithTheirStatus() throws Exception {
        for (int status : new int[] {400, 404, 405, 406, 413, 414, 415}) {
            HttpResponse<String> answer = get("/status/" + status);
            assertThat(answer.statusCode()).isEqualTo(status);
            assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
            JsonNode problem = JSON.readTree(answer.body());
            assertThat(problem.get("status").asInt()).isEqualTo(status);
            assertThat(problem.get("instance").asText()).isEqualTo("/status/" + status);
        }
    }

    @Test
    void pathOrMethodNoRouteHasIs404Or405ProblemJson() throws Exception {
        HttpResponse<String> answer = get("/nothing/here");
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(JSON.readTree(answer.body()).get("instance").asText()).isEqualTo("/nothing/here");
        HttpResponse<String> method = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + server.actualPort() + "/get-only")).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(method.statusCode()).isEqualTo(405);
        assertThat(method.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    @Test
    void multipartBodyThatDoesNotMatchItsBoundaryIs400ProblemJson() throws Exception {
        for (String path : new String[] {"/multipart", "/terminated"}) {
            HttpResponse<String> answer = get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(JSON.readTree(answer.body()).get("detail").asText()).contains("boundary");
        }
    }

    @Test
    void unauthenticatedAndServerFailuresGoOnToTheNextHandler() throws Exception {
        assertThat(get("/status/401").body()).isEqualTo("plain");
        HttpResponse<String> bug = get("/bug");
        assertThat(bug.statusCode()).isEqualTo(500);
        assertThat(bug.body()).isEqualTo("plain");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
