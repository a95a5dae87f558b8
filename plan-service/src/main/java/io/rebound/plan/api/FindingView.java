package io.rebound.plan.api;

import io.rebound.events.OverloadAlertRaised.Quantity;
import io.rebound.events.Phase;
import io.rebound.events.Severity;
import io.rebound.plan.alerts.AlertState;
import io.rebound.plan.alerts.RaisedAlert;
import io.rebound.plan.rules.Rule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A finding of the runner's plan and the state of its alert. Limits and actual values as the alert carries them. */
public record FindingView(
        UUID alertId,
        String window,
        Phase phase,
        Rule rule,
        String ruleText,
        Severity severity,
        AlertState state,
        Integer day,
        LocalDate date,
        Quantity quantity,
        Double limit,
        Double actual,
        UUID activityId,
        Instant raisedAt,
        Instant updatedAt) {

    static FindingView of(RaisedAlert alert) {
        return new FindingView(alert.alertId, alert.windowKey, alert.phase, alert.rule, alert.ruleText, alert.severity,
                alert.state, alert.day, alert.localDate, alert.quantity, alert.limitValue, alert.actualValue,
                alert.activityId, alert.raisedAt, alert.updatedAt);
    }
}
