package io.rebound.plan.api;

import io.rebound.plan.ledger.LedgerActivity;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** An activity as plan-service's ledger holds it: what the rules read, with the start's own offset. */
public record LedgerActivityView(
        UUID activityId,
        String sport,
        OffsetDateTime startTime,
        long durationSeconds,
        double distanceMetres,
        Integer perceivedEffort) {

    static LedgerActivityView of(LedgerActivity activity) {
        return new LedgerActivityView(activity.activityId, activity.sport,
                activity.startTime.atOffset(ZoneOffset.ofTotalSeconds(activity.startOffsetSeconds)),
                activity.durationSeconds, activity.distanceMetres, activity.perceivedEffort);
    }
}
