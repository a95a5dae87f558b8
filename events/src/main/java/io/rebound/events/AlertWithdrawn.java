package io.rebound.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An alert raised earlier no longer holds: the activity that caused it was corrected or deleted. Key: runnerId.
 * Whoever was told of the alert should hear that it no longer applies.
 *
 * @param reason one line a person can read, e.g. "the run of 3 November was deleted"
 */
public record AlertWithdrawn(
        UUID alertId,
        UUID planId,
        String runnerId,
        String rule,
        String ruleText,
        Severity severity,
        Phase phase,
        String reason,
        Instant withdrawnAt) {

    public static final EventType<AlertWithdrawn> TYPE =
            new EventType<>("rebound.alert.withdrawn.v1", AlertWithdrawn.class, "alert-withdrawn-v1.json");

    public String eventId() {
        return alertId + ":withdrawn:" + withdrawnAt.toEpochMilli();
    }
}
