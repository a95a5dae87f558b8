package io.rebound.notification.email;

/** Where a delivery stands. */
public enum DeliveryState {
    /** Waiting to be sent, now or at its next attempt time. */
    PENDING,
    /** Claimed by a sender; a claim older than the stale-claim setting was left by a crash and is due again. */
    SENDING,
    SENT,
    /** A WARNING for the PT, kept for the daily digest rather than sent at once. */
    PENDING_DIGEST,
    /**
     * Given up on: it could not be rendered, or SMTP kept refusing it until its retry window (give-up-after) was
     * over. Each FAILED delivery has one record on {@code notifications.dlq} saying why.
     */
    FAILED,
    /** Not sent because its alert was withdrawn before it went out. */
    WITHDRAWN,
    /** Closed unsent by the recipient's choice: the address unsubscribed, or the PT turned the daily digest off. */
    SUPPRESSED,
    /** A WARNING that was waiting for the PT's digest, left out of it because the PT had acknowledged the alert. */
    ACKNOWLEDGED
}
