package io.rebound.web.client;

/** activity-service's answer to a file: what became of it ({@code outcome}) and the activity's id. */
public record UploadAnswer(String outcome, String activityId) {
}
