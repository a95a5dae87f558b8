package io.rebound.plan.rules;

import io.rebound.events.MassageDepth;
import io.rebound.events.Sport;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One activity of the runner's ledger, as the rules see it. Distances in metres, durations in seconds. */
public record LoggedActivity(
        UUID activityId,
        Sport sport,
        OffsetDateTime start,
        long durationSeconds,
        double distanceMetres,
        Integer perceivedEffort,
        Integer averageHeartRate,
        boolean strides,
        MassageDepth massageDepth) {

    public LoggedActivity(UUID activityId, Sport sport, OffsetDateTime start, long durationSeconds, double distanceMetres,
            Integer perceivedEffort, Integer averageHeartRate) {
        this(activityId, sport, start, durationSeconds, distanceMetres, perceivedEffort, averageHeartRate, false, null);
    }
}
