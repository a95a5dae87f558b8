package io.rebound.plan.api;

import io.rebound.events.DistanceUnit;
import io.rebound.events.Phase;
import io.rebound.plan.Plan;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** One line of the plans list: whose plan, who looks after the runner, and where they stand today. */
public record PlanSummary(
        String runnerId,
        String runnerName,
        String ptId,
        String ptName,
        LocalDate raceDate,
        String timeZone,
        DistanceUnit distanceUnit,
        boolean injured,
        PlanView.Today today) {

    static PlanSummary of(Plan plan, Instant now) {
        LocalDate localToday = now.atZone(ZoneId.of(plan.timeZone)).toLocalDate();
        int day = plan.calendar().dayOf(localToday);
        return new PlanSummary(plan.runnerId, plan.runnerName, plan.ptId, plan.ptName, plan.raceDate, plan.timeZone,
                plan.distanceUnit, plan.injured, new PlanView.Today(localToday, day, Phase.ofDay(day)));
    }
}
