package io.rebound.activity.api;

import io.rebound.activity.Activity;
import io.rebound.events.MassageDepth;
import io.rebound.events.Sport;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An activity as the API shows it. */
public record ActivityView(
        UUID activityId,
        String runnerId,
        Sport sport,
        OffsetDateTime startTime,
        long durationSeconds,
        double distanceMetres,
        Integer perceivedEffort,
        Integer averageHeartRate,
        Instant acceptedAt,
        Boolean strides,
        MassageDepth massageDepth) {

    static ActivityView of(Activity activity) {
        return new ActivityView(activity.id, activity.runnerId, Sport.fromCode(activity.sport), activity.start(),
                activity.durationSeconds, activity.distanceMetres, activity.perceivedEffort, activity.averageHeartRate,
                activity.acceptedAt, activity.strides, activity.depth());
    }
}
