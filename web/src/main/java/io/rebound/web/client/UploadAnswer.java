package io.rebound.web.client;

import java.util.List;

/**
 * activity-service's answer to a file: what became of it ({@code outcome}), the (first) activity's id, and each
 * activity the file held: one, or one per leg of a multisport file.
 */
public record UploadAnswer(String outcome, String activityId, List<Leg> activities) {

    /** One activity of the file. */
    public record Leg(String outcome, String activityId, String sport) {
    }

    /** How many activities the file held; 1 when an older answer did not say. */
    public int count() {
        return activities == null || activities.isEmpty() ? 1 : activities.size();
    }
}
