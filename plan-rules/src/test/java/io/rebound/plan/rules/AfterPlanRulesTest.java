package io.rebound.plan.rules;

import static io.rebound.plan.rules.RuleTable.plan;
import static io.rebound.plan.rules.RuleTable.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.rebound.events.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/domain.md "After day 28": the single-run jump rule and the acute:chronic workload ratio. */
class AfterPlanRulesTest {

    private static List<Finding> findings(List<LoggedActivity> ledger, Rule rule) {
        return RuleEngine.evaluate(plan(50_000), ledger).stream().filter(f -> f.rule() == rule).toList();
    }

    /** An easy 5 km on every day from {@code first} to {@code last}. */
    private static List<LoggedActivity> steady(int first, int last) {
        List<LoggedActivity> runs = new ArrayList<>();
        for (int day = first; day <= last; day++) {
            runs.add(run(day, 5000));
        }
        return runs;
    }

    @Test
    void runExactlyThirtyPercentLongerThanTheLongestIsWithin() {
        assertThat(findings(List.of(run(30, 10_000), run(33, 13_000)), Rule.SINGLE_RUN_JUMP)).isEmpty();
    }

    @Test
    void runMoreThanThirtyPercentLongerThanTheLongestOfThirtyDaysIsAWarning() {
        LoggedActivity jump = run(33, 13_001);
        assertThat(findings(List.of(run(30, 10_000), jump), Rule.SINGLE_RUN_JUMP)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.limit()).isEqualTo(13_000);
            assertThat(f.tipping()).isEqualTo(jump);
        });
    }

    @Test
    void longestRunOlderThanThirtyDaysDoesNotCount() {
        // 20 km on day 1 is 32 days before day 33; the last 30 days' longest is the 10 km of day 30.
        assertThat(findings(List.of(run(1, 20_000), run(30, 10_000), run(33, 13_500)), Rule.SINGLE_RUN_JUMP)).hasSize(1);
    }

    @Test
    void steadyLoadKeepsTheWorkloadRatioNearOne() {
        assertThat(findings(steady(-30, 45), Rule.WORKLOAD_RATIO)).isEmpty();
    }

    @Test
    void suddenlyDoublingTheDailyLoadRaisesTheRatioToWarningThenOverload() {
        List<LoggedActivity> ledger = steady(-30, 34);
        for (int day = 35; day <= 41; day++) {
            ledger.add(run(day, 15_000));
        }
        List<Finding> ratio = findings(ledger, Rule.WORKLOAD_RATIO);
        assertThat(ratio).extracting(Finding::severity).contains(Severity.WARNING, Severity.OVERLOAD);
        Finding warning = ratio.stream().filter(f -> f.severity() == Severity.WARNING).findFirst().orElseThrow();
        Finding overload = ratio.stream().filter(f -> f.severity() == Severity.OVERLOAD).findFirst().orElseThrow();
        assertThat(warning.actual()).isGreaterThan(1.3);
        assertThat(overload.actual()).isGreaterThan(1.5);
        assertThat(overload.day()).isGreaterThanOrEqualTo(warning.day());
    }

    @Test
    void thresholdsCanBeOverriddenPerRunner() {
        Caps lenient = Caps.TEMPLATE.with(null, new AfterPlanCaps(null, null, 0.5));
        PlanContext plan = new PlanContext(plan(50_000).calendar(), 50_000, null, lenient, plan(50_000).unit());
        assertThat(RuleEngine.evaluate(plan, List.of(run(30, 10_000), run(33, 14_000))).stream()
                .filter(f -> f.rule() == Rule.SINGLE_RUN_JUMP)).isEmpty();
    }
}
