package io.rebound.plan.api;

import io.rebound.events.DistanceUnit;
import io.rebound.events.Phase;
import io.rebound.plan.rules.Intensity;
import io.rebound.plan.rules.Today;
import java.time.LocalDate;

/** What the runner may do today and what is left in this window, distances in the runner's unit. */
public record TodayView(
        String runnerId,
        LocalDate date,
        int day,
        Phase phase,
        String window,
        DistanceUnit unit,
        Running running,
        CrossTraining crossTraining,
        Double workloadRatio) {

    /**
     * @param runDaysLeftBeforeSoftCap  more run days that stay within the soft cap (today counts as used once run)
     * @param distanceLeftBeforeSoftCap distance that can still be run in this window before the soft volume cap
     * @param longestRunAllowed         the longest single run that crosses no cap today
     */
    public record Running(
            boolean allowed,
            int runDaysSoFar,
            Integer runDaysLeftBeforeSoftCap,
            Integer runDaysLeftBeforeHardCap,
            double distanceSoFar,
            Double distanceLeftBeforeSoftCap,
            Double distanceLeftBeforeHardCap,
            Double longestRunAllowed,
            Intensity allowedIntensity,
            boolean stridesOk) {
    }

    public record CrossTraining(
            boolean allowed,
            int daysSoFar,
            Integer daysLeft,
            Integer longestSessionMinutes,
            Intensity allowedIntensity) {
    }

    static TodayView of(String runnerId, DistanceUnit unit, Today today) {
        return new TodayView(runnerId, today.date(), today.day(), today.phase(),
                today.window() == null ? "before the plan" : today.window().describe(), unit,
                new Running(today.runningAllowed(), today.runDaysSoFar(), today.runDaysLeftBeforeSoftCap(),
                        today.runDaysLeftBeforeHardCap(), in(unit, today.runDistanceSoFarMetres()),
                        in(unit, today.distanceLeftBeforeSoftCapMetres()), in(unit, today.distanceLeftBeforeHardCapMetres()),
                        in(unit, today.longestRunMetres()), today.runIntensityMax(), today.stridesAllowed()),
                new CrossTraining(today.crossTrainingAllowed(), today.crossTrainingDaysSoFar(), today.crossTrainingDaysLeft(),
                        today.crossTrainingSessionMinutes(), today.crossTrainingIntensityMax()),
                today.workloadRatio());
    }

    private static Double in(DistanceUnit unit, Double metres) {
        return metres == null ? null : Math.round(unit.fromMetres(metres) * 100) / 100.0;
    }
}
