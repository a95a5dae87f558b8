package io.rebound.web.client;

import java.time.LocalDate;

/** What the runner may do today and what is left in this window; distances already in the runner's unit. */
public record TodayView(
        String runnerId,
        LocalDate date,
        int day,
        String phase,
        String window,
        String unit,
        Running running,
        CrossTraining crossTraining,
        Double workloadRatio) {

    public record Running(
            boolean allowed,
            int runDaysSoFar,
            Integer runDaysLeftBeforeSoftCap,
            Integer runDaysLeftBeforeHardCap,
            double distanceSoFar,
            Double distanceLeftBeforeSoftCap,
            Double distanceLeftBeforeHardCap,
            Double longestRunAllowed,
            String allowedIntensity,
            boolean stridesOk) {
    }

    public record CrossTraining(
            boolean allowed,
            int daysSoFar,
            Integer daysLeft,
            Integer longestSessionMinutes,
            String allowedIntensity) {
    }
}
