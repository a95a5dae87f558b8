package io.rebound.plan.api;

import io.rebound.events.DistanceUnit;
import io.rebound.events.Phase;
import io.rebound.plan.Plan;
import io.rebound.plan.PeakWeekSource;
import io.rebound.plan.rules.Caps;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/** A plan as the API shows it, with where the runner stands today. */
public record PlanView(
        UUID planId,
        String runnerId,
        LocalDate raceDate,
        String timeZone,
        DistanceUnit distanceUnit,
        PeakWeekView peakWeek,
        Integer maxHeartRate,
        boolean injured,
        NewPlan.Person runner,
        NewPlan.Therapist physicalTherapist,
        Today today,
        Caps caps,
        int version,
        Instant createdAt,
        Instant changedAt) {

    static PlanView of(Plan plan, Instant now) {
        LocalDate localToday = now.atZone(ZoneId.of(plan.timeZone)).toLocalDate();
        int day = plan.calendar().dayOf(localToday);
        return new PlanView(plan.id, plan.runnerId, plan.raceDate, plan.timeZone, plan.distanceUnit,
                new PeakWeekView(plan.peakWeekMetres, Math.round(plan.distanceUnit.fromMetres(plan.peakWeekMetres) * 100) / 100.0,
                        plan.distanceUnit, plan.peakWeekSource),
                plan.maxHeartRate, plan.injured,
                new NewPlan.Person(plan.runnerName, plan.runnerEmail, null),
                new NewPlan.Therapist(plan.ptName, plan.ptEmail, plan.ptTimeZone, plan.ptId),
                new Today(localToday, day, Phase.ofDay(day)), plan.caps(), plan.version, plan.createdAt, plan.changedAt);
    }

    /** The peak week in metres, and in the runner's unit to two decimals, with where it came from. */
    public record PeakWeekView(double metres, double distance, DistanceUnit unit, PeakWeekSource source) {
    }

    /** The runner's local date now, its plan day and phase. */
    public record Today(LocalDate date, int day, Phase phase) {
    }
}
