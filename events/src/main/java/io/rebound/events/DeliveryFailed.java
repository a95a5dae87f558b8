package io.rebound.events;

import java.time.Instant;
import java.util.UUID;

/**
 * notification-service gave up on one email: it could not be rendered, or SMTP kept refusing it until the retry
 * window closed. Key: runnerId, on the dead-letter topic {@code notifications.dlq}, for operators to act on. It
 * carries ids and the reason only: no names or email addresses (they stay in the service's own ledger).
 *
 * @param recipientRole RUNNER or PT
 * @param kind          ALERT, or WITHDRAWAL (the note that an alert no longer applies)
 * @param attempts      attempts made, the last one included
 * @param createdAt     when the delivery was recorded: the retry window counts from here
 * @param lastError     the last error as the sender saw it (the SMTP server's answer, or why it could not be
 *                      rendered), with any email address replaced by {@code <address>}
 */
public record DeliveryFailed(
        UUID deliveryId,
        UUID alertId,
        String runnerId,
        String recipientRole,
        String kind,
        Reason reason,
        int attempts,
        Instant createdAt,
        Instant failedAt,
        String lastError) {

    public static final EventType<DeliveryFailed> TYPE = new EventType<>("rebound.notification.delivery-failed.v1",
            DeliveryFailed.class, "delivery-failed-v1.json");

    /** One delivery fails at most once, so its id names the fact. */
    public String eventId() {
        return deliveryId + ":failed";
    }

    /** Why the delivery was given up on. */
    public enum Reason {
        /** SMTP refused every attempt until the retry window (24 h by default) was over. */
        RETRY_WINDOW_OVER,
        /** The email could not be rendered from the stored alert; retrying would not help. */
        CANNOT_RENDER
    }
}
