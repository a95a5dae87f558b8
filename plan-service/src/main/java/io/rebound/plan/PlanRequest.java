package io.rebound.plan;

import io.rebound.events.DistanceUnit;
import java.time.LocalDate;

/**
 * A new plan, already checked by the resource.
 *
 * @param peakWeekMetres the runner's highest 7-day running distance, or null to compute it from the logged runs
 * @param unit           the unit the runner reads distances in
 * @param ptId           the PT's id, the subject of their token
 */
public record PlanRequest(
        String runnerId,
        LocalDate raceDate,
        String timeZone,
        Double peakWeekMetres,
        DistanceUnit unit,
        Integer maxHeartRate,
        String runnerName,
        String runnerEmail,
        String ptName,
        String ptEmail,
        String ptTimeZone,
        String ptId) {
}
