package io.rebound.notification.email;

import io.quarkus.logging.Log;
import io.rebound.events.AlertAcknowledged;
import io.rebound.events.AlertWithdrawn;
import io.rebound.events.OverloadAlertRaised;
import io.rebound.support.messaging.EventConsumer;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Turns each raised alert into deliveries, then wakes the sender once they are committed; a withdrawn alert stops
 * its deliveries that have not gone out and tells whoever already got it that it no longer applies; an acknowledged
 * alert leaves the PT's digest. Any other event type goes to the dead-letter topic.
 */
@ApplicationScoped
public class AlertsListener {

    public static final String CHANNEL = "alerts";

    private final EventConsumer consumer;

    public AlertsListener(AlertDeliveries deliveries, DeliverySender sender, Vertx vertx) {
        this.consumer = new EventConsumer(CHANNEL, vertx)
                .on(OverloadAlertRaised.TYPE, received -> deliveries.record(received)
                        .onFailure(ContactNotYetKnownException.class).invoke(waiting -> Log.debugf(
                                "alert %s waits for the plan of runner %s", received.event().alertId(), received.event().runnerId())),
                        (received, due) -> {
                            OverloadAlertRaised alert = received.event();
                            Log.infof("alert %s (%s, runner %s, ce_id %s): %d email(s) due", alert.alertId(), alert.severity(),
                                    alert.runnerId(), received.id(), due);
                            if (due > 0) {
                                sender.wakeUp();
                            }
                        })
                .on(AlertWithdrawn.TYPE, deliveries::withdraw, (received, notices) -> {
                    AlertWithdrawn withdrawn = received.event();
                    Log.infof("alert %s (runner %s, ce_id %s) withdrawn: unsent emails stopped, %d notice(s) due",
                            withdrawn.alertId(), withdrawn.runnerId(), received.id(), notices);
                    if (notices > 0) {
                        sender.wakeUp();
                    }
                })
                .on(AlertAcknowledged.TYPE, deliveries::acknowledge, (received, left) -> Log.infof(
                        "alert %s (runner %s, ce_id %s) acknowledged by %s: %d email(s) left out of the digest",
                        received.event().alertId(), received.event().runnerId(), received.id(),
                        received.event().acknowledgedBy(), left));
    }

    @Incoming(CHANNEL)
    public Uni<Void> onAlert(ConsumerRecord<String, String> record) {
        return consumer.consume(record);
    }
}
