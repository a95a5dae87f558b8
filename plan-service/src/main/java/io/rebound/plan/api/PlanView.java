package io.rebound.plan.api;

import io.rebound.events.DistanceUnit;
import io.rebound.events.Phase;
import io.rebound.plan.Plan;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A plan as the API shows it, with where the runner stands today. */
public record PlanView(
        UUID planId,
        String runnerId,
        LocalDate raceDate,
        String timeZone,
        PeakWeekView peakWeek,
        NewPlan.Person runner,
        NewPlan.Person physicalTherapist,
        Today today,
        Instant createdAt,
        Instant changedAt) {

    static PlanView of(Plan plan, Instant now) {
        LocalDate localToday = now.atZone(java.time.ZoneId.of(plan.timeZone)).toLocalDate();
        int day = plan.calendar().dayOf(localToday);
        return new PlanView(plan.id, plan.runnerId, plan.raceDate, plan.timeZone,
                new PeakWeekView(plan.peakWeekMetres, Math.round(plan.distanceUnit.fromMetres(plan.peakWeekMetres) * 100) / 100.0,
                        plan.distanceUnit),
                new NewPlan.Person(plan.runnerName, plan.runnerEmail),
                new NewPlan.Person(plan.ptName, plan.ptEmail),
                new Today(localToday, day, Phase.ofDay(day)), plan.createdAt, plan.changedAt);
    }

    /** The peak week in metres, and in the runner's unit to two decimals. */
    public record PeakWeekView(double metres, double distance, DistanceUnit unit) {
    }

    /** The runner's local date now, its plan day and phase. */
    public record Today(LocalDate date, int day, Phase phase) {
    }
}
