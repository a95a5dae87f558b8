package io.rebound.web.client;

import java.time.Instant;
import java.time.OffsetDateTime;

/** An activity as activity-service shows it. */
public record ActivityView(
        String activityId,
        String runnerId,
        String sport,
        OffsetDateTime startTime,
        long durationSeconds,
        double distanceMetres,
        Integer perceivedEffort,
        Integer averageHeartRate,
        Instant acceptedAt,
        Boolean strides,
        String massageDepth) {
}
