package io.rebound.support.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.rebound.events.CloudEvents;
import io.rebound.support.telemetry.TraceContext;
import io.rebound.support.work.AfterCommit;
import io.rebound.support.work.WorkQueue;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.apache.kafka.common.header.Headers;
import org.hibernate.reactive.mutiny.Mutiny;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes committed outbox rows to Kafka in commit order and marks them published. It wakes up as soon as a
 * transaction with new rows commits, and {@link OutboxSweeper} wakes it on a timer for rows an earlier process
 * left behind (a crash between commit and publish). Rows are locked with SKIP LOCKED, so several instances can relay side by side.
 * Each record carries the trace context its row was staged in ({@code traceparent}, {@code tracestate}), so the
 * consumer continues that trace; the channel's own tracing is off, since it would start a new trace here.
 */
@ApplicationScoped
public class OutboxRelay {

    public static final String CHANNEL = "outbox";

    private static final String BATCH_QUERY = "SELECT * FROM outbox_event WHERE published_at IS NULL"
            + " ORDER BY seq LIMIT :limit FOR UPDATE SKIP LOCKED";
    private static final String MARK_PUBLISHED = "UPDATE outbox_event SET published_at = :at WHERE seq IN (:seqs)";

    private final MutinyEmitter<String> emitter;
    private final int batchSize;
    private final String source;
    private final Duration stopWait;
    private final WorkQueue queue;

    public OutboxRelay(@Channel(CHANNEL) MutinyEmitter<String> emitter, Vertx vertx,
            @ConfigProperty(name = "rebound.outbox.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "rebound.outbox.batch-size", defaultValue = "100") int batchSize,
            @ConfigProperty(name = "rebound.outbox.stop-wait", defaultValue = "10s") Duration stopWait,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this.emitter = emitter;
        this.batchSize = batchSize;
        this.source = "/rebound/" + application;
        this.stopWait = stopWait;
        this.queue = new WorkQueue("outbox relay", vertx, context -> publishBatch().map(count -> count == batchSize));
        if (enabled) {
            queue.start();
        }
    }

    /** Publishes whatever is waiting, soon, on a fresh Vert.x context (never inside the caller's session). */
    public void wakeUp() {
        queue.wakeUp();
    }

    /** Publishes what is staged in the transaction under way here, once it has committed. */
    public void wakeAfterCommit() {
        AfterCommit.wake(queue);
    }

    /**
     * Once the application stops, the database pool and the Kafka producer are going away: start nothing new, and
     * let a batch already publishing commit (ShutdownEvent comes before the connectors and the pool close), so its
     * rows are not published again by the next start. What is left waits for the next start.
     */
    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        if (!queue.stop(stopWait)) {
            Log.warnf("outbox relay: a batch was still publishing after %s; its rows are published again at the next start",
                    stopWait);
        }
    }

    private Uni<Integer> publishBatch() {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(BATCH_QUERY, OutboxEvent.class)
                        .setParameter("limit", batchSize)
                        .getResultList()
                        .chain(rows -> publishTogether(rows).chain(count -> markPublished(session, rows).replaceWith(count)))));
    }

    /** One statement for the whole batch, rather than an update per row. */
    private static Uni<Integer> markPublished(Mutiny.Session session, List<OutboxEvent> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return session.createNativeQuery(MARK_PUBLISHED)
                .setParameter("at", Instant.now())
                .setParameter("seqs", rows.stream().map(row -> row.seq).toList())
                .executeUpdate();
    }

    /**
     * Hands the whole batch to the producer at once, in seq order, and waits for every acknowledgement: the producer
     * (idempotent, at most five requests in flight) keeps each key's records in that order and batches them into a
     * few requests, instead of one request and one linger per record.
     */
    private Uni<Integer> publishTogether(List<OutboxEvent> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Uni.join().all(rows.stream().map(this::publish).toList()).andFailFast().replaceWith(rows.size());
    }

    private Uni<Void> publish(OutboxEvent row) {
        Message<String> message = Message.of(row.payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic)
                .withKey(row.eventKey)
                .withHeaders(headers(row))
                .build());
        return emitter.sendMessage(message);
    }

    private Headers headers(OutboxEvent row) {
        Headers headers = CloudEvents.headers(row.eventId, row.type, source, row.createdAt);
        if (row.traceparent != null) {
            headers.add(TraceContext.TRACEPARENT, row.traceparent.getBytes(StandardCharsets.US_ASCII));
        }
        if (row.tracestate != null) {
            headers.add(TraceContext.TRACESTATE, row.tracestate.getBytes(StandardCharsets.US_ASCII));
        }
        return headers;
    }
}
