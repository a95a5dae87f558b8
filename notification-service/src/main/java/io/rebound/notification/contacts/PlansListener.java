package io.rebound.notification.contacts;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.rebound.events.PlanChanged;
import io.rebound.support.vertx.SafeContexts;
import io.rebound.support.messaging.IncomingEvents;
import io.rebound.support.messaging.IncomingEvents.Received;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the contact directory up to date from the compacted plans topic. */
@ApplicationScoped
public class PlansListener {

    public static final String CHANNEL = "plans";

    private final ContactDirectory contacts;
    private final Vertx vertx;

    public PlansListener(ContactDirectory contacts, Vertx vertx) {
        this.contacts = contacts;
        this.vertx = vertx;
    }

    /** An upsert that ignores older plans is idempotent by itself, so no processed-event ledger is needed. */
    @Incoming(CHANNEL)
    public Uni<Void> onPlan(ConsumerRecord<String, String> record) {
        return Uni.createFrom().item(() -> IncomingEvents.read(record, PlanChanged.TYPE))
                .chain(this::apply);
    }

    private Uni<Void> apply(Received<PlanChanged> received) {
        PlanChanged plan = received.event();
        Uni<Boolean> upsert = SafeContexts.on(SafeContexts.fresh(vertx),
                () -> Panache.withTransaction(() -> contacts.apply(plan)));
        return IncomingEvents.retryingTransientFailures(upsert)
                .invoke(changed -> Log.debugf("plan %s of runner %s: contacts %s", plan.planId(), plan.runnerId(),
                        changed ? "stored" : "unchanged, a newer plan is stored"))
                .replaceWithVoid();
    }
}
