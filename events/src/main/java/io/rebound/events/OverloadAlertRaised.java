package io.rebound.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A rule of the plan was crossed. Key: runnerId. The alert id is derived from (plan, phase, rule, severity),
 * so the same crossing can never produce two alerts.
 *
 * @param rule     the rule's key, e.g. {@code NO_RUNNING_BEFORE_DAY_8}
 * @param ruleText one line naming the rule, e.g. "no running in days 1-7"
 * @param day      the plan day of the tipping activity (race day is day 0)
 * @param date     the runner's local date of the tipping activity
 * @param quantity what {@code limit} and {@code actual} count
 * @param activity the activity that tipped the rule over
 * @param today    what the runner may still do on their local date when the alert was raised; null when that date
 *                 lies outside the alert's window (an old activity arriving late) or the raiser did not say
 * @param running  the window's running day by day against its caps, for a chart; null when not given
 */
public record OverloadAlertRaised(
        UUID alertId,
        UUID planId,
        String runnerId,
        String rule,
        String ruleText,
        Severity severity,
        Phase phase,
        int day,
        LocalDate date,
        Quantity quantity,
        double limit,
        double actual,
        DistanceUnit distanceUnit,
        TippingActivity activity,
        Instant activityAcceptedAt,
        Instant raisedAt,
        TodayAllowance today,
        WindowRunning running) {

    /** An alert without the optional guidance for the emails. */
    public OverloadAlertRaised(UUID alertId, UUID planId, String runnerId, String rule, String ruleText,
            Severity severity, Phase phase, int day, LocalDate date, Quantity quantity, double limit, double actual,
            DistanceUnit distanceUnit, TippingActivity activity, Instant activityAcceptedAt, Instant raisedAt) {
        this(alertId, planId, runnerId, rule, ruleText, severity, phase, day, date, quantity, limit, actual,
                distanceUnit, activity, activityAcceptedAt, raisedAt, null, null);
    }

    public static final EventType<OverloadAlertRaised> TYPE =
            new EventType<>("rebound.alert.raised.v1", OverloadAlertRaised.class, "overload-alert-raised-v1.json");

    /** What a limit counts. */
    public enum Quantity {
        RUNS,
        RUN_DAYS,
        METRES,
        SECONDS,
        DAYS,
        RATIO,
        /** Sessions of a kind, e.g. runs with strides or deep massages. */
        SESSIONS,
        /** EASY = 0, MODERATE = 1, HARD = 2. */
        INTENSITY
    }

    /** The facts of the activity that tipped the rule, so an email can name it without another lookup. */
    public record TippingActivity(
            UUID activityId, Sport sport, java.time.OffsetDateTime startTime, long durationSeconds, double distanceMetres) {
    }

    /**
     * What the plan still allows on one local date, so an email can say what to do today. Distances in metres; a
     * null cap is no cap.
     *
     * @param longestRunMetres    the longest run allowed that day (0 when running is not allowed)
     * @param runDaysLeft         run days left in the window before its soft cap, counting that date as used
     * @param distanceLeftMetres  running distance left in the window before its soft cap
     * @param crossTrainingMinutes the longest cross-training session allowed
     */
    public record TodayAllowance(
            LocalDate date,
            int day,
            Phase phase,
            boolean runningAllowed,
            Double longestRunMetres,
            Integer runDaysLeft,
            Double distanceLeftMetres,
            boolean stridesAllowed,
            boolean crossTrainingAllowed,
            Integer crossTrainingMinutes,
            Integer crossTrainingDaysLeft) {
    }

    /**
     * The alert's window day by day: how far the runner ran on each plan day, against the caps of that window.
     *
     * @param dailyRunMetres     one entry per plan day from firstDay to lastDay, 0 for a day without a run
     * @param singleRunCapMetres the longest single run allowed (0 when no running is allowed); null for none
     * @param volumeSoftCapMetres the window's running distance above which a WARNING is raised; null for none
     * @param volumeHardCapMetres the window's running distance above which an OVERLOAD is raised; null for none
     */
    public record WindowRunning(
            int firstDay,
            int lastDay,
            List<Double> dailyRunMetres,
            Double singleRunCapMetres,
            Double volumeSoftCapMetres,
            Double volumeHardCapMetres) {
    }
}
