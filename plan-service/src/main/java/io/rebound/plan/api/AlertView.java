package io.rebound.plan.api;

import io.rebound.events.DistanceUnit;
import io.rebound.events.OverloadAlertRaised.Quantity;
import io.rebound.events.OverloadAlertRaised.TippingActivity;
import io.rebound.events.OverloadAlertRaised.TodayAllowance;
import io.rebound.events.OverloadAlertRaised.WindowRunning;
import io.rebound.events.Phase;
import io.rebound.events.Severity;
import io.rebound.plan.alerts.AlertInbox;
import io.rebound.plan.alerts.AlertState;
import io.rebound.plan.alerts.RaisedAlert;
import io.rebound.plan.rules.Rule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An alert as the inbox shows it: the finding, the activity that tipped it, and what the raise carried for the chart
 * ({@code running}) and for the runner's day ({@code today}), both null for alerts raised before they were kept.
 * Limits and actual values as the alert carries them (metres, seconds, counts).
 */
public record AlertView(
        UUID alertId,
        String runnerId,
        String runnerName,
        Rule rule,
        String ruleText,
        Severity severity,
        Phase phase,
        Integer day,
        LocalDate date,
        Quantity quantity,
        Double limit,
        Double actual,
        DistanceUnit distanceUnit,
        @Schema(description = "The activity that tipped the rule; null when it is no longer known") Activity activity,
        Instant raisedAt,
        @Schema(description = "RAISED or WITHDRAWN") AlertState state,
        @Schema(description = "Who acknowledged it, what they wrote and when; null while nobody has")
        Acknowledgement acknowledgement,
        @Schema(description = "The window's running day by day against its caps, as the alert carried it")
        WindowRunning running,
        @Schema(description = "What the runner could still do on their date when the alert was raised")
        TodayAllowance today) {

    /** The tipping activity as the alert carried it; sport as its code, e.g. {@code trail_run}. */
    public record Activity(UUID activityId, String sport, OffsetDateTime startTime, long durationSeconds,
            double distanceMetres) {
    }

    /** @param by the subject of whoever acknowledged it: a PT id, or an admin's subject */
    public record Acknowledgement(String by, String note, Instant at) {
    }

    static AlertView of(AlertInbox.Shown shown) {
        RaisedAlert alert = shown.alert();
        TippingActivity tipping = shown.activity();
        return new AlertView(alert.alertId, alert.runnerId, shown.plan() == null ? null : shown.plan().runnerName,
                alert.rule, alert.ruleText, alert.severity, alert.phase, alert.day, alert.localDate, alert.quantity,
                alert.limitValue, alert.actualValue, shown.plan() == null ? null : shown.plan().distanceUnit,
                tipping == null ? null : new Activity(tipping.activityId(), tipping.sport() == null ? null : tipping.sport().code(),
                        tipping.startTime(), tipping.durationSeconds(), tipping.distanceMetres()),
                alert.raisedAt, alert.state,
                alert.acknowledgedAt == null ? null
                        : new Acknowledgement(alert.acknowledgedBy, alert.acknowledgedNote, alert.acknowledgedAt),
                AlertInbox.read(alert.runningJson, WindowRunning.class),
                AlertInbox.read(alert.todayJson, TodayAllowance.class));
    }
}
