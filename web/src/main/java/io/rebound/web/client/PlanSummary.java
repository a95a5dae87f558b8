package io.rebound.web.client;

import java.time.LocalDate;

/** One plan of GET /api/v1/plans. */
public record PlanSummary(
        String runnerId,
        String runnerName,
        String ptId,
        String ptName,
        LocalDate raceDate,
        String timeZone,
        String distanceUnit,
        boolean injured,
        PlanView.Today today) {
}
