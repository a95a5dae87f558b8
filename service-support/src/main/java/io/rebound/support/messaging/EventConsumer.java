package io.rebound.support.messaging;

import io.rebound.events.EventType;
import io.rebound.events.MalformedEventException;
import io.rebound.support.messaging.IncomingEvents.Received;
import io.rebound.support.vertx.SafeContexts;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The envelope of a listener that takes one record at a time. The listener names its channel and, per event type
 * the channel carries, the service method that applies an event and what follows once it has (a log line, waking
 * whoever sends what the work stored). Each record is read by its {@code ce_type} ({@link EventTable}: another type,
 * or an unreadable record, fails as {@link MalformedEventException}, which the channel's failure strategy sends to
 * the dead-letter topic); the work runs on a fresh Vert.x context that carries on the record's trace, and a passing
 * failure is retried ({@link IncomingEvents#retryingTransientFailures}). The service opens the transaction and
 * checks whether the event was already applied, so {@code done} runs after the commit.
 * <p>
 * For a channel in batch mode see {@link EventBatchConsumer}.
 */
public final class EventConsumer {

    private final Vertx vertx;
    private final EventTable<Step<?, ?>> table;

    public EventConsumer(String channel, Vertx vertx) {
        this.vertx = vertx;
        this.table = new EventTable<>(channel);
    }

    /**
     * Events of {@code type} are applied by {@code work}; {@code done} gets the event and what the work answered,
     * once it has succeeded (committed).
     */
    public <T, R> EventConsumer on(EventType<T> type, Function<Received<T>, Uni<R>> work, BiConsumer<Received<T>, R> done) {
        table.put(type, (received, trace) -> new Step<>(received, work, done));
        return this;
    }

    /** Reads the record and applies it; fails as {@link MalformedEventException} when it cannot be read. */
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return Uni.createFrom().item(() -> table.read(record.headers(), record.value(), null))
                .chain(step -> step.run(SafeContexts.freshInCurrentTrace(vertx)));
    }

    /**
     * Runs the work on the context, retried on a passing failure; each attempt builds it there again, so it gets a
     * fresh session.
     */
    static <R> Uni<R> attempt(Context context, Supplier<Uni<? extends R>> work) {
        return IncomingEvents.retryingTransientFailures(SafeContexts.on(context, work));
    }

    private record Step<T, R>(Received<T> received, Function<Received<T>, Uni<R>> work, BiConsumer<Received<T>, R> done) {

        Uni<Void> run(Context context) {
            return EventConsumer.<R>attempt(context, () -> work.apply(received))
                    .invoke(result -> done.accept(received, result))
                    .replaceWithVoid();
        }
    }
}
