package io.rebound.notification.api;

import io.rebound.notification.email.Delivery;
import io.rebound.notification.email.DeliveryState;
import io.rebound.notification.email.RecipientRole;
import java.time.Instant;
import java.util.UUID;

/** A delivery as the API shows it; nextAttemptAt is when a PENDING one is due (a retry, or the end of quiet hours). */
public record DeliveryView(
        UUID alertId,
        String severity,
        RecipientRole recipientRole,
        String recipientEmail,
        DeliveryState state,
        int attempts,
        String lastError,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant sentAt,
        String subject,
        String kind) {

    static DeliveryView of(Delivery delivery) {
        return new DeliveryView(delivery.alertId, delivery.severity, delivery.recipientRole, delivery.recipientEmail,
                delivery.state, delivery.attempts, delivery.lastError, delivery.createdAt, delivery.nextAttemptAt,
                delivery.sentAt, delivery.subject, delivery.kind);
    }
}
