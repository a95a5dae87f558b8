package io.rebound.notification.contacts;

import io.quarkus.logging.Log;
import io.rebound.events.PlanChanged;
import io.rebound.support.messaging.EventConsumer;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the contact directory up to date from the compacted plans topic. An upsert that ignores older plans is
 * idempotent by itself, so no processed-event ledger is needed.
 */
@ApplicationScoped
public class PlansListener {

    public static final String CHANNEL = "plans";

    private final EventConsumer consumer;

    public PlansListener(ContactDirectory contacts, Vertx vertx) {
        this.consumer = new EventConsumer(CHANNEL, vertx)
                .on(PlanChanged.TYPE, received -> contacts.store(received.event()), (received, changed) -> Log.debugf(
                        "plan %s of runner %s: contacts %s", received.event().planId(), received.event().runnerId(),
                        changed ? "stored" : "unchanged, a newer plan is stored"));
    }

    @Incoming(CHANNEL)
    public Uni<Void> onPlan(ConsumerRecord<String, String> record) {
        return consumer.consume(record);
    }
}
