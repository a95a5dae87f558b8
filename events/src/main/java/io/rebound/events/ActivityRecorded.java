package io.rebound.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An activity was accepted and stored by activity-service. Key: runnerId.
 *
 * @param startTime        when it started, with the offset the device reported
 * @param perceivedEffort  RPE 1-10, when the runner gave one
 * @param averageHeartRate beats per minute, when the device measured it
 * @param acceptedAt       when activity-service answered 202 for it
 * @param strides          true when a run included strides (short fast bursts)
 * @param massageDepth     for a massage, how deep it went
 */
public record ActivityRecorded(
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

    public static final EventType<ActivityRecorded> TYPE =
            new EventType<>("rebound.activity.recorded.v1", ActivityRecorded.class, "activity-recorded-v1.json");
}
