package io.rebound.activity;

import io.rebound.events.MassageDepth;
import io.rebound.events.Sport;
import java.time.OffsetDateTime;

/**
 * What a runner says about one activity, already checked by the resource: the facts an activity is recorded or
 * corrected with.
 *
 * @param massageDepth for a massage only, else null
 */
public record ActivityInput(
        String runnerId,
        Sport sport,
        OffsetDateTime startTime,
        long durationSeconds,
        double distanceMetres,
        Integer perceivedEffort,
        Integer averageHeartRate,
        Boolean strides,
        MassageDepth massageDepth) {
}
