package io.rebound.web.client;

import java.time.LocalDate;
import java.util.Map;

/** A plan as GET /api/v1/plans/{runnerId} shows it. */
public record PlanView(
        String planId,
        String runnerId,
        LocalDate raceDate,
        String timeZone,
        String distanceUnit,
        PeakWeek peakWeek,
        Integer maxHeartRate,
        boolean injured,
        Person runner,
        Person physicalTherapist,
        Today today,
        Caps caps) {

    public record PeakWeek(double metres, double distance, String unit, String source) {
    }

    public record Person(String name, String email, String timeZone, String id) {
    }

    public record Today(LocalDate date, int day, String phase) {
    }

    public record Caps(Map<String, PhaseCaps> phases, AfterPlan afterPlan) {
    }

    public record AfterPlan(Double acwrWarning, Double acwrOverload, Double singleRunJumpShare) {
    }

    public String runnerName() {
        return runner == null || runner.name() == null ? runnerId : runner.name();
    }
}
