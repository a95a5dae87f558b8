package io.rebound.web.client;

import java.time.OffsetDateTime;

/** A runner's activity as plan-service's ledger holds it (GET /api/v1/runners/{runnerId}/activities). */
public record LedgerActivity(String activityId, String sport, OffsetDateTime startTime, long durationSeconds,
        double distanceMetres, Integer perceivedEffort) {
}
