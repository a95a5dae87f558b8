package io.rebound.events;

import java.time.Instant;
import java.time.LocalDate;
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
        Instant raisedAt) {

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
}
