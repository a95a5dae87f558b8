package io.rebound.plan.rules;

import io.rebound.events.OverloadAlertRaised.Quantity;
import io.rebound.events.Phase;
import io.rebound.events.Severity;
import java.time.LocalDate;

/**
 * A rule crossed in one window.
 *
 * @param ruleText one line a person can read, with the limit in the runner's unit
 * @param day      plan day of the tipping activity
 * @param limit    the cap, in {@code quantity}
 * @param actual   the value that crossed it, when the tipping activity was logged
 * @param tipping  the activity that took the runner past the cap
 */
public record Finding(
        Rule rule,
        String ruleText,
        Severity severity,
        PlanWindow window,
        int day,
        LocalDate date,
        Quantity quantity,
        double limit,
        double actual,
        LoggedActivity tipping) {

    public Phase phase() {
        return window.phase();
    }
}
