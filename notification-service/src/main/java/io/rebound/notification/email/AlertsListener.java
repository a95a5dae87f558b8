package io.rebound.notification.email;

import io.quarkus.logging.Log;
import io.rebound.events.AlertAcknowledged;
import io.rebound.events.AlertWithdrawn;
import io.rebound.events.MalformedEventException;
import io.rebound.events.OverloadAlertRaised;
import io.rebound.support.vertx.SafeContexts;
import io.rebound.support.messaging.IncomingEvents;
import io.rebound.support.messaging.IncomingEvents.Received;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Turns each raised alert into deliveries, then wakes the sender once they are committed; a withdrawn alert stops
 * its deliveries that have not gone out and tells whoever already got it that it no longer applies; an acknowledged
 * alert leaves the PT's digest.
 */
@ApplicationScoped
public class AlertsListener {

    public static final String CHANNEL = "alerts";

    private final AlertDeliveries deliveries;
    private final Vertx vertx;

    public AlertsListener(AlertDeliveries deliveries, Vertx vertx) {
        this.deliveries = deliveries;
        this.vertx = vertx;
    }

    /**
     * Dispatches on {@code ce_type}: a raised, withdrawn or acknowledged alert. Any other type is not ours to guess
     * at, so it fails as malformed and goes to the dead-letter topic, and the records behind it keep flowing.
     */
    @Incoming(CHANNEL)
    public Uni<Void> onAlert(ConsumerRecord<String, String> record) {
        String type = IncomingEvents.typeOf(record);
        if (OverloadAlertRaised.TYPE.type().equals(type)) {
            return Uni.createFrom().item(() -> IncomingEvents.read(record, OverloadAlertRaised.TYPE)).chain(this::apply);
        }
        if (AlertWithdrawn.TYPE.type().equals(type)) {
            return Uni.createFrom().item(() -> IncomingEvents.read(record, AlertWithdrawn.TYPE)).chain(this::withdraw);
        }
        if (AlertAcknowledged.TYPE.type().equals(type)) {
            return Uni.createFrom().item(() -> IncomingEvents.read(record, AlertAcknowledged.TYPE)).chain(this::acknowledge);
        }
        return Uni.createFrom().failure(new MalformedEventException(type.isEmpty() ? "(no ce_type)" : type,
                new IllegalArgumentException("the alerts topic carries no such event type")));
    }

    private Uni<Void> apply(Received<OverloadAlertRaised> received) {
        OverloadAlertRaised alert = received.event();
        Uni<Integer> record = SafeContexts.on(SafeContexts.freshInCurrentTrace(vertx), () -> deliveries.record(received))
                .onFailure(ContactNotYetKnownException.class)
                .invoke(waiting -> Log.debugf("alert %s waits for the plan of runner %s", alert.alertId(), alert.runnerId()));
        return IncomingEvents.retryingTransientFailures(record)
                .invoke(due -> {
                    Log.infof("alert %s (%s, runner %s, ce_id %s): %d email(s) due", alert.alertId(), alert.severity(),
                            alert.runnerId(), received.id(), due);
                })
                .replaceWithVoid();
    }

    private Uni<Void> acknowledge(Received<AlertAcknowledged> received) {
        AlertAcknowledged acknowledged = received.event();
        Uni<Integer> acknowledge = SafeContexts.on(SafeContexts.freshInCurrentTrace(vertx), () -> deliveries.acknowledge(received));
        return IncomingEvents.retryingTransientFailures(acknowledge)
                .invoke(left -> Log.infof("alert %s (runner %s, ce_id %s) acknowledged by %s: %d email(s) left out of the digest",
                        acknowledged.alertId(), acknowledged.runnerId(), received.id(), acknowledged.acknowledgedBy(), left))
                .replaceWithVoid();
    }

    private Uni<Void> withdraw(Received<AlertWithdrawn> received) {
        AlertWithdrawn withdrawn = received.event();
        Uni<Integer> withdraw = SafeContexts.on(SafeContexts.freshInCurrentTrace(vertx), () -> deliveries.withdraw(received));
        return IncomingEvents.retryingTransientFailures(withdraw)
                .invoke(notices -> {
                    Log.infof("alert %s (runner %s, ce_id %s) withdrawn: unsent emails stopped, %d notice(s) due",
                            withdrawn.alertId(), withdrawn.runnerId(), received.id(), notices);
                })
                .replaceWithVoid();
    }
}
