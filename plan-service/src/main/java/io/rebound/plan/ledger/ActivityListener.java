package io.rebound.plan.ledger;

import io.opentelemetry.context.Context;
import io.quarkus.logging.Log;
import io.rebound.events.ActivityCorrected;
import io.rebound.events.ActivityDeleted;
import io.rebound.events.ActivityRecorded;
import io.rebound.events.MalformedEventException;
import io.rebound.support.messaging.IncomingEvents;
import io.rebound.support.vertx.SafeContexts;
import io.rebound.support.work.AfterCommit;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the runner's ledger in step with activity-service (recorded, corrected, deleted) and re-evaluates the
 * plan windows each change touches, exactly once per event, under the runner's lock: a plan created or changed at
 * the same moment sees the activity, or the activity sees the plan.
 * <p>
 * Records arrive as the consumer polled them (the channel is in batch mode) and are applied in one transaction per
 * batch ({@link ActivityChanges}), in record order, so each runner's events (one key, one partition) keep theirs.
 * An unreadable record goes to the dead-letter topic on its own, once the rest of the batch is applied. When the
 * batch still fails after the retries, its events are applied one by one, each with its own retries, and one that
 * still fails goes to the dead-letter topic, as it would have on its own.
 */
@ApplicationScoped
public class ActivityListener {

    public static final String CHANNEL = "activities";

    private final ActivityChanges changes;
    private final Vertx vertx;

    public ActivityListener(ActivityChanges changes, Vertx vertx) {
        this.changes = changes;
        this.vertx = vertx;
    }

    @Incoming(CHANNEL)
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        List<Read> readable = new ArrayList<>();
        List<KafkaRecord<String, String>> unreadable = new ArrayList<>();
        List<MalformedEventException> reasons = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch) {
            try {
                readable.add(new Read(record, read(record)));
            } catch (MalformedEventException e) {
                unreadable.add(record);
                reasons.add(e);
            }
        }
        // The good ones first: dead-lettering a record acknowledges it, and were it its partition's last in the batch,
        // that would let the offset past the records before it be committed before they are.
        Uni<Void> done = apply(readable);
        for (int i = 0; i < unreadable.size(); i++) {
            KafkaRecord<String, String> record = unreadable.get(i);
            MalformedEventException reason = reasons.get(i);
            done = done.chain(() -> deadLetter(record, reason));
        }
        return done.chain(() -> Uni.createFrom().completionStage(batch::ack));
    }

    private static ActivityChange read(KafkaRecord<String, String> record) {
        String type = IncomingEvents.typeOf(record.getHeaders());
        Context trace = TracingMetadata.fromMessage(record).map(TracingMetadata::getCurrentContext).orElse(null);
        if (type.equals(ActivityRecorded.TYPE.type())) {
            var received = IncomingEvents.read(record.getHeaders(), record.getPayload(), ActivityRecorded.TYPE);
            return ActivityChange.recorded(received.id(), received.event(), trace);
        }
        if (type.equals(ActivityCorrected.TYPE.type())) {
            var received = IncomingEvents.read(record.getHeaders(), record.getPayload(), ActivityCorrected.TYPE);
            return ActivityChange.recorded(received.id(), received.event().activity(), trace);
        }
        if (type.equals(ActivityDeleted.TYPE.type())) {
            var received = IncomingEvents.read(record.getHeaders(), record.getPayload(), ActivityDeleted.TYPE);
            return ActivityChange.deleted(received.id(), received.event().runnerId(), received.event().activityId(), trace);
        }
        throw new MalformedEventException(type.isEmpty() ? "(no ce_type)" : type,
                new IllegalArgumentException("the activities topic carries no such event type"));
    }

    private Uni<Void> apply(List<Read> reads) {
        if (reads.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return transaction(reads.stream().map(Read::change).toList()).onFailure().recoverWithUni(failure -> {
            Log.warnf("activities: a batch of %d events still failed after the retries (%s); applying them one by one",
                    reads.size(), failure.toString());
            return Multi.createFrom().iterable(reads)
                    .onItem().transformToUniAndConcatenate(read -> transaction(List.of(read.change()))
                            .onFailure().recoverWithUni(alone -> deadLetter(read.record(), alone)))
                    .collect().last().replaceWithVoid();
        });
    }

    /** The changes in one transaction, retried on a passing failure; each attempt gets a fresh session. */
    private Uni<Void> transaction(List<ActivityChange> batch) {
        Uni<Void> apply = SafeContexts.on(SafeContexts.fresh(vertx), () -> AfterCommit.transaction(() -> changes.apply(batch)));
        return IncomingEvents.retryingTransientFailures(apply);
    }

    /** Through the channel's failure strategy (dead-letter-queue, counted), done once the topic has the record. */
    private static Uni<Void> deadLetter(KafkaRecord<String, String> record, Throwable reason) {
        return Uni.createFrom().completionStage(() -> record.nack(reason));
    }

    private record Read(KafkaRecord<String, String> record, ActivityChange change) {
    }
}
