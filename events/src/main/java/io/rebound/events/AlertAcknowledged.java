package io.rebound.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A PT (or an admin) has seen an alert and says so. Key: runnerId. A WARNING still waiting for the PT's daily digest
 * then leaves it; nothing already sent changes.
 *
 * @param acknowledgedBy the subject of whoever acknowledged it: a PT id, or an admin's subject
 * @param note           what they wrote with it; null when nothing
 */
public record AlertAcknowledged(
        UUID alertId,
        UUID planId,
        String runnerId,
        Severity severity,
        String acknowledgedBy,
        String note,
        Instant acknowledgedAt) {

    public static final EventType<AlertAcknowledged> TYPE =
            new EventType<>("rebound.alert.acknowledged.v1", AlertAcknowledged.class, "alert-acknowledged-v1.json");

    /** An alert raised again after a withdrawal can be acknowledged again, so the time is part of the fact. */
    public String eventId() {
        return alertId + ":acknowledged:" + acknowledgedAt.toEpochMilli();
    }
}
