package io.rebound.support.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.rebound.events.EventJson;
import io.rebound.events.EventType;
import io.rebound.support.telemetry.TraceContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Stages events in the current transaction. Call {@link #stage} inside the transaction that makes the change (a
 * {@code @WithTransaction} method or {@link io.rebound.support.work.AfterCommit#transaction}): the relay is woken once
 * it has committed. The trace context current at staging goes with the row, so whoever consumes the event continues
 * the trace of the change.
 */
@ApplicationScoped
public class Outbox {

    private final OutboxRelay relay;

    public Outbox(OutboxRelay relay) {
        this.relay = relay;
    }

    /**
     * @param eventId the CloudEvents id: derive it from the fact, so a repeated change cannot publish twice
     * @param key     the Kafka key (the runner id), which keeps each runner's events in order
     */
    public <T> Uni<Void> stage(String topic, String key, EventType<T> type, String eventId, T event, Instant time) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = eventId;
        row.topic = topic;
        row.eventKey = key;
        row.type = type.type();
        row.payload = EventJson.write(event);
        row.createdAt = time;
        TraceContext trace = TraceContext.current();
        row.traceparent = trace.traceparent();
        row.tracestate = trace.tracestate();
        return Panache.getSession().chain(session -> session.persist(row)).invoke(relay::wakeAfterCommit);
    }
}
