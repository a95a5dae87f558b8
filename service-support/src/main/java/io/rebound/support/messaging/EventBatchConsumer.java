package io.rebound.support.messaging;

import io.opentelemetry.context.Context;
import io.quarkus.logging.Log;
import io.rebound.events.EventType;
import io.rebound.events.MalformedEventException;
import io.rebound.support.messaging.IncomingEvents.Received;
import io.rebound.support.vertx.SafeContexts;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The envelope of a listener whose channel is in batch mode (records as the consumer polled them, acknowledged by
 * hand). The listener names its channel, what each event type it carries is read into (a {@code C}, with the trace
 * the record arrived in), and the service method that applies a list of them in one transaction.
 * <p>
 * The readable records of a batch are applied together, in record order, on a fresh Vert.x context, retried on a
 * passing failure. An unreadable record goes to the dead-letter topic on its
 * own, once the rest of the batch is applied. When the batch still fails after the retries, its events are applied
 * one by one, each with its own retries, and one that still fails goes to the dead-letter topic, as it would have on
 * its own. Then the batch is acknowledged.
 */
public final class EventBatchConsumer<C> {

    private final Vertx vertx;
    private final EventTable<C> table;
    private final Function<List<C>, Uni<Void>> apply;

    /**
     * @param apply applies the events in their order, in one transaction, each once (a transaction that gives a
     *              {@link io.rebound.support.work.WorkQueue} work wakes it itself once committed)
     */
    public EventBatchConsumer(String channel, Vertx vertx, Function<List<C>, Uni<Void>> apply) {
        this.vertx = vertx;
        this.table = new EventTable<>(channel);
        this.apply = apply;
    }

    /** Events of {@code type} are read into what {@code reader} makes of the event and the trace it arrived in. */
    public <T> EventBatchConsumer<C> on(EventType<T> type, BiFunction<Received<T>, Context, C> reader) {
        table.put(type, reader);
        return this;
    }

    /** Applies the batch, dead-letters what cannot be read or applied, then acknowledges the batch. */
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return consume(batch, batch::ack);
    }

    Uni<Void> consume(Iterable<KafkaRecord<String, String>> records, Supplier<CompletionStage<Void>> ack) {
        Split<C> split = split(records);
        // The good ones first: dead-lettering a record acknowledges it, and were it its partition's last in the batch,
        // that would let the offset past the records before it be committed before they are.
        Uni<Void> done = apply(split.readable());
        for (Unreadable unreadable : split.unreadable()) {
            done = done.chain(() -> deadLetter(unreadable.record(), unreadable.reason()));
        }
        return done.chain(() -> Uni.createFrom().completionStage(ack));
    }

    /** The records read by their {@code ce_type}, in order, and apart from them those that cannot be read. */
    Split<C> split(Iterable<KafkaRecord<String, String>> records) {
        List<Read<C>> readable = new ArrayList<>();
        List<Unreadable> unreadable = new ArrayList<>();
        for (KafkaRecord<String, String> record : records) {
            Context trace = TracingMetadata.fromMessage(record).map(TracingMetadata::getCurrentContext).orElse(null);
            try {
                readable.add(new Read<>(record, table.read(record.getHeaders(), record.getPayload(), trace)));
            } catch (MalformedEventException e) {
                unreadable.add(new Unreadable(record, e));
            }
        }
        return new Split<>(readable, unreadable);
    }

    private Uni<Void> apply(List<Read<C>> reads) {
        if (reads.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return transaction(reads.stream().map(Read::event).toList()).onFailure().recoverWithUni(failure -> {
            Log.warnf("%s: a batch of %d events still failed after the retries (%s); applying them one by one",
                    table.channel(), reads.size(), failure.toString());
            return Multi.createFrom().iterable(reads)
                    .onItem().transformToUniAndConcatenate(read -> transaction(List.of(read.event()))
                            .onFailure().recoverWithUni(alone -> deadLetter(read.record(), alone)))
                    .collect().last().replaceWithVoid();
        });
    }

    private Uni<Void> transaction(List<C> events) {
        return EventConsumer.<Void>attempt(SafeContexts.fresh(vertx), () -> apply.apply(events));
    }

    /** Through the channel's failure strategy (dead-letter-queue, counted), done once the topic has the record. */
    private static Uni<Void> deadLetter(KafkaRecord<String, String> record, Throwable reason) {
        return Uni.createFrom().completionStage(() -> record.nack(reason));
    }

    record Split<C>(List<Read<C>> readable, List<Unreadable> unreadable) {
    }

    record Read<C>(KafkaRecord<String, String> record, C event) {
    }

    record Unreadable(KafkaRecord<String, String> record, MalformedEventException reason) {
    }
}
