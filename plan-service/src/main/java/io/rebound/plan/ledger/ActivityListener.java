package io.rebound.plan.ledger;

import io.rebound.events.ActivityCorrected;
import io.rebound.events.ActivityDeleted;
import io.rebound.events.ActivityRecorded;
import io.rebound.support.messaging.EventBatchConsumer;
import io.rebound.support.outbox.OutboxRelay;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the runner's ledger in step with activity-service (recorded, corrected, deleted) and re-evaluates the
 * plan windows each change touches, exactly once per event, under the runner's lock: a plan created or changed at
 * the same moment sees the activity, or the activity sees the plan.
 * <p>
 * Records arrive as the consumer polled them (the channel is in batch mode) and are applied in one transaction per
 * batch ({@link ActivityChanges}), in record order, so each runner's events (one key, one partition) keep theirs;
 * {@link EventBatchConsumer} dead-letters what cannot be read or applied.
 */
@ApplicationScoped
public class ActivityListener {

    public static final String CHANNEL = "activities";

    private final EventBatchConsumer<ActivityChange> consumer;

    public ActivityListener(ActivityChanges changes, OutboxRelay relay, Vertx vertx) {
        this.consumer = new EventBatchConsumer<ActivityChange>(CHANNEL, vertx, changes::apply, relay::wakeUp)
                .on(ActivityRecorded.TYPE, (received, trace) -> ActivityChange.recorded(received.id(), received.event(), trace))
                .on(ActivityCorrected.TYPE,
                        (received, trace) -> ActivityChange.recorded(received.id(), received.event().activity(), trace))
                .on(ActivityDeleted.TYPE, (received, trace) -> ActivityChange.deleted(received.id(), received.event().runnerId(),
                        received.event().activityId(), trace));
    }

    @Incoming(CHANNEL)
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(batch);
    }
}
