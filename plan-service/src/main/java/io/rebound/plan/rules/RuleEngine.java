package io.rebound.plan.rules;

import io.rebound.events.ActivityKind;
import io.rebound.events.OverloadAlertRaised.Quantity;
import io.rebound.events.Phase;
import io.rebound.events.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The plan's rules as a pure function: a calendar and the runner's whole ledger in, the findings out. No
 * framework, no clock, no I/O, so every rule is tested in milliseconds and the result depends only on the facts.
 */
public final class RuleEngine {

    private static final Set<Phase> NO_RUNNING = EnumSet.of(Phase.REST, Phase.RECOVER);

    private RuleEngine() {
    }

    /** Every rule crossed in every phase window, once per (window, rule), each with the activity that tipped it. */
    public static List<Finding> evaluate(PlanCalendar calendar, List<LoggedActivity> ledger) {
        List<LoggedActivity> chronological = ledger.stream()
                .sorted(Comparator.comparing((LoggedActivity a) -> a.start().toInstant()).thenComparing(LoggedActivity::activityId))
                .toList();
        List<Finding> findings = new ArrayList<>();
        for (Phase phase : NO_RUNNING) {
            chronological.stream()
                    .filter(a -> a.sport().kind() == ActivityKind.RUN && calendar.phaseOf(a.start()) == phase)
                    .findFirst()
                    .ifPresent(firstRun -> findings.add(new Finding(Rule.NO_RUNNING_BEFORE_DAY_8, Severity.OVERLOAD, phase,
                            calendar.dayOf(firstRun.start()), calendar.localDate(firstRun.start()), Quantity.RUNS, 0, 1,
                            firstRun)));
        }
        return findings;
    }
}
