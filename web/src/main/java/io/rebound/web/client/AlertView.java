package io.rebound.web.client;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One alert as plan-service's /api/v1/alerts shows it. Enums are kept as their wire names. */
public record AlertView(
        String alertId,
        String runnerId,
        String runnerName,
        String rule,
        String ruleText,
        String severity,
        String phase,
        Integer day,
        LocalDate date,
        String quantity,
        Double limit,
        Double actual,
        String distanceUnit,
        Activity activity,
        Instant raisedAt,
        String state,
        Acknowledgement acknowledgement,
        WindowRunning running,
        Today today) {

    public record Activity(String activityId, String sport, OffsetDateTime startTime, Long durationSeconds,
            Double distanceMetres) {
    }

    public record Acknowledgement(String by, String note, Instant at) {
    }

    /** What the runner could still do on the day the alert was raised (the event's TodayAllowance). */
    public record Today(LocalDate date, Integer day, String phase, boolean runningAllowed, Double longestRunMetres,
            Integer runDaysLeft, Double distanceLeftMetres, boolean stridesAllowed, boolean crossTrainingAllowed,
            Integer crossTrainingMinutes, Integer crossTrainingDaysLeft) {
    }

    public boolean overload() {
        return "OVERLOAD".equals(severity);
    }

    public boolean withdrawn() {
        return "WITHDRAWN".equals(state);
    }

    public boolean acknowledged() {
        return acknowledgement != null;
    }

    /** Still waiting for a PT to look at it. */
    public boolean open() {
        return !withdrawn() && !acknowledged();
    }
}
