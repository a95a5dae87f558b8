package io.rebound.activity.provider;

import io.rebound.activity.ingest.IngestOutcome;
import java.util.UUID;

/** What a webhook answer says: the outcome and, when there is one, the activity. */
public record WebhookAnswer(String outcome, UUID activityId) {

    public static WebhookAnswer of(IngestOutcome outcome) {
        return new WebhookAnswer(outcome.result().code(), outcome.activityId());
    }
}
