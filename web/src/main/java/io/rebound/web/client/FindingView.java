package io.rebound.web.client;

import java.time.Instant;
import java.time.LocalDate;

/** A finding of the runner's plan and the state of its alert (RAISED, SUPERSEDED, NOTED, WITHDRAWN). */
public record FindingView(
        String alertId,
        String window,
        String phase,
        String rule,
        String ruleText,
        String severity,
        String state,
        Integer day,
        LocalDate date,
        String quantity,
        Double limit,
        Double actual,
        String activityId,
        Instant raisedAt,
        Instant updatedAt) {
}
