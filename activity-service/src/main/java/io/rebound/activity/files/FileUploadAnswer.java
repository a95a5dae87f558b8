package io.rebound.activity.files;

import io.rebound.activity.ingest.IngestOutcome;
import io.rebound.events.Sport;
import java.util.List;
import java.util.UUID;

/**
 * What became of an uploaded file. Most files hold one activity; a multisport FIT file holds one per leg, and
 * {@code activities} lists each, in the file's order. {@code outcome} and {@code activityId} sum it up for a client
 * that reads only those: {@code created} when any activity was new, else the first one's outcome, and the first
 * one's id.
 */
public record FileUploadAnswer(String outcome, UUID activityId, List<Leg> activities) {

    /** One activity of the file: what became of it, its id and its sport. */
    public record Leg(String outcome, UUID activityId, Sport sport) {
    }

    static FileUploadAnswer of(List<Sport> sports, List<IngestOutcome> outcomes) {
        List<Leg> legs = new java.util.ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            legs.add(new Leg(outcomes.get(i).result().code(), outcomes.get(i).activityId(), sports.get(i)));
        }
        boolean anyCreated = outcomes.stream().anyMatch(o -> o.result() == IngestOutcome.Result.CREATED);
        String outcome = anyCreated ? IngestOutcome.Result.CREATED.code() : legs.get(0).outcome();
        return new FileUploadAnswer(outcome, legs.get(0).activityId(), List.copyOf(legs));
    }
}
