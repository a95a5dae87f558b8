package io.rebound.plan.ledger;

import io.opentelemetry.context.Context;
import io.rebound.events.ActivityRecorded;
import java.util.UUID;

/**
 * One event of the {@code activities} topic as the ledger applies it: the activity as it now stands (recorded or
 * corrected), or its deletion.
 *
 * @param eventId  the CloudEvents id, applied once
 * @param recorded the activity's facts; null for a deletion
 * @param trace    the trace the event arrived in, which the alerts it raises continue; null for the current one
 */
public record ActivityChange(String eventId, String runnerId, UUID activityId, ActivityRecorded recorded, Context trace) {

    public static ActivityChange recorded(String eventId, ActivityRecorded activity, Context trace) {
        return new ActivityChange(eventId, activity.runnerId(), activity.activityId(), activity, trace);
    }

    public static ActivityChange deleted(String eventId, String runnerId, UUID activityId, Context trace) {
        return new ActivityChange(eventId, runnerId, activityId, null, trace);
    }

    public boolean isDeletion() {
        return recorded == null;
    }
}
