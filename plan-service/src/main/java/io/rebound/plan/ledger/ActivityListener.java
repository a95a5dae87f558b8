package io.rebound.plan.ledger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.rebound.events.ActivityRecorded;
import io.rebound.plan.Plan;
import io.rebound.plan.alerts.AlertService;
import io.rebound.support.inbox.ProcessedEvents;
import io.rebound.support.messaging.IncomingEvents;
import io.rebound.support.outbox.OutboxRelay;
import io.rebound.support.vertx.SafeContexts;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Adds each recorded activity to the runner's ledger and evaluates the plan, exactly once per event. */
@ApplicationScoped
public class ActivityListener {

    public static final String CHANNEL = "activities";
    private static final String CONSUMER = "plan-service.activities";

    private final ProcessedEvents processed;
    private final Ledger ledger;
    private final AlertService alerts;
    private final OutboxRelay relay;
    private final Vertx vertx;

    public ActivityListener(ProcessedEvents processed, Ledger ledger, AlertService alerts, OutboxRelay relay, Vertx vertx) {
        this.processed = processed;
        this.ledger = ledger;
        this.alerts = alerts;
        this.relay = relay;
        this.vertx = vertx;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        IncomingEvents.Received<ActivityRecorded> received = IncomingEvents.read(record, ActivityRecorded.TYPE);
        ActivityRecorded activity = received.event();
        // Built on a fresh safe context at each attempt, so a retry after a backoff gets a session of its own.
        Uni<Void> apply = SafeContexts.on(SafeContexts.fresh(vertx), () -> Panache.withTransaction(() -> processed.firstDelivery(CONSUMER, received.id())
                .chain(first -> !first
                        ? Uni.createFrom().voidItem()
                        : ledger.add(activity)
                                .chain(() -> Plan.findByRunner(activity.runnerId()))
                                .chain(plan -> plan == null ? Uni.createFrom().voidItem() : alerts.evaluate(plan).replaceWithVoid()))));
        return IncomingEvents.retryingTransientFailures(apply).invoke(relay::wakeUp);
    }
}
