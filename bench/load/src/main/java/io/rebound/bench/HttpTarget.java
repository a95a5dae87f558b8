package io.rebound.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.CompletableFuture;

/**
 * Posts signed webhook deliveries over at most {@code concurrency} kept-alive HTTP/1.1 connections (Vert.x, so the
 * generator stays cheap next to the target on a small machine). Requests beyond that wait for a connection, and
 * the wait counts in their latency.
 */
final class HttpTarget implements AutoCloseable {

    private final Vertx vertx;
    private final HttpClient client;
    private final String host;
    private final int port;
    private final String path;

    HttpTarget(String host, int port, String path, int concurrency) {
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setPreferNativeTransport(false));
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setPipelining(false)
                        .setConnectTimeout(5_000).setIdleTimeout(60),
                new PoolOptions().setHttp1MaxSize(concurrency).setMaxWaitQueueSize(-1));
        this.host = host;
        this.port = port;
        this.path = path;
    }

    /** Completes with true on a 2xx answer. */
    CompletableFuture<Boolean> post(Webhooks.Delivery delivery) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(host).setPort(port).setURI(path)
                .setTimeout(60_000)
                .putHeader("content-type", "application/json")
                .putHeader("webhook-id", delivery.id())
                .putHeader("webhook-timestamp", delivery.timestamp())
                .putHeader("webhook-signature", delivery.signature());
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        client.request(options)
                .compose(request -> request.send(Buffer.buffer(delivery.body())))
                .compose(response -> response.body().map(body -> response.statusCode()))
                .onComplete(result -> answer.complete(result.succeeded() && result.result() / 100 == 2));
        return answer;
    }

    @Override
    public void close() {
        client.close().toCompletionStage().toCompletableFuture().join();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
