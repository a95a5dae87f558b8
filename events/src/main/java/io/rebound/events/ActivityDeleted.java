package io.rebound.events;

import java.time.Instant;
import java.util.UUID;

/** An activity was removed (logged by mistake, or deleted at the provider). Key: runnerId. */
public record ActivityDeleted(UUID activityId, String runnerId, Instant deletedAt) {

    public static final EventType<ActivityDeleted> TYPE =
            new EventType<>("rebound.activity.deleted.v1", ActivityDeleted.class, "activity-deleted-v1.json");

    public String eventId() {
        return activityId + ":deleted";
    }
}
