package io.rebound.events;

import java.time.Instant;

/**
 * An activity already recorded was changed (a device or the runner corrected it). Key: runnerId. Consumers
 * replace what they knew of it and re-evaluate.
 *
 * @param activity    the activity as it now stands, with its original id
 * @param correctedAt when the correction was accepted; with the id it names this event
 */
public record ActivityCorrected(ActivityRecorded activity, Instant correctedAt) {

    public static final EventType<ActivityCorrected> TYPE =
            new EventType<>("rebound.activity.corrected.v1", ActivityCorrected.class, "activity-corrected-v1.json");

    public String eventId() {
        return activity.activityId() + ":corrected:" + correctedAt.toEpochMilli();
    }
}
