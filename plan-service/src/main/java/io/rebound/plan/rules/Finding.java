package io.rebound.plan.rules;

import io.rebound.events.OverloadAlertRaised.Quantity;
import io.rebound.events.Phase;
import io.rebound.events.Severity;
import java.time.LocalDate;

/**
 * A rule crossed in one phase window.
 *
 * @param day     plan day of the tipping activity
 * @param limit   the cap, in {@code quantity}
 * @param actual  the value that crossed it, when the tipping activity was logged
 * @param tipping the activity that took the runner past the cap
 */
public record Finding(
        Rule rule,
        Severity severity,
        Phase phase,
        int day,
        LocalDate date,
        Quantity quantity,
        double limit,
        double actual,
        LoggedActivity tipping) {
}
