package io.rebound.plan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebound.events.DistanceUnit;
import io.rebound.events.Phase;
import io.rebound.events.Severity;
import io.rebound.events.Sport;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * docs/domain.md "Calendar": race day is day 0 in the runner's zone; an activity counts on the local date it started.
 */
class CalendarRulesTest {

    private static PlanContext plan(String raceDate, String zone) {
        return new PlanContext(new PlanCalendar(LocalDate.parse(raceDate), ZoneId.of(zone)), 50_000, null, Caps.TEMPLATE,
                DistanceUnit.MI);
    }

    private static LoggedActivity run(String start) {
        return new LoggedActivity(UUID.randomUUID(), Sport.RUN, OffsetDateTime.parse(start), 1800, 5000, null, null);
    }

    @Test
    void runOnDayTwoIsAnOverloadNamingDayPhaseAndTippingRun() {
        LoggedActivity run = run("2026-11-03T07:00:00-06:00");
        assertThat(RuleEngine.evaluate(plan("2026-11-01", "America/Chicago"), List.of(run))).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(Rule.NO_RUNNING);
            assertThat(f.ruleText()).isEqualTo("no running in days 1-7");
            assertThat(f.severity()).isEqualTo(Severity.OVERLOAD);
            assertThat(f.phase()).isEqualTo(Phase.REST);
            assertThat(f.day()).isEqualTo(2);
            assertThat(f.date()).isEqualTo(LocalDate.parse("2026-11-03"));
            assertThat(f.tipping()).isEqualTo(run);
        });
    }

    @Test
    void boundaryDaysBelongToTheEarlierWindow() {
        PlanContext chicago = plan("2026-11-01", "America/Chicago");
        assertThat(PlanWindow.of(7).phase()).isEqualTo(Phase.RECOVER);
        assertThat(PlanWindow.of(14).phase()).isEqualTo(Phase.REINTRODUCE);
        assertThat(PlanWindow.of(21).phase()).isEqualTo(Phase.REBUILD);
        assertThat(PlanWindow.of(29).key()).isEqualTo("COMPLETE-29");
        assertThat(PlanWindow.of(36).key()).isEqualTo("COMPLETE-36");
        assertThat(RuleEngine.evaluate(chicago, List.of(run("2026-11-08T18:00:00-06:00"))))
                .singleElement().satisfies(f -> assertThat(f.phase()).isEqualTo(Phase.RECOVER));
        assertThat(RuleEngine.evaluate(chicago, List.of(run("2026-11-09T06:00:00-06:00")))).isEmpty();
    }

    @Test
    void acrossTheAutumnDaylightSavingChangeDaysStayLocal() {
        // Chicago leaves daylight saving at 02:00 on 1 November 2026, race day itself.
        PlanContext chicago = plan("2026-11-01", "America/Chicago");
        assertThat(RuleEngine.evaluate(chicago, List.of(run("2026-11-01T01:30:00-05:00")))).as("race day, CDT").isEmpty();
        assertThat(RuleEngine.evaluate(chicago, List.of(run("2026-11-01T23:30:00-06:00")))).as("race day, CST").isEmpty();
        assertThat(RuleEngine.evaluate(chicago, List.of(run("2026-11-02T00:30:00-06:00"))))
                .singleElement().satisfies(f -> assertThat(f.day()).isEqualTo(1));
        // London leaves daylight saving on 25 October 2026, day 7 of a plan raced on the 18th.
        PlanContext london = plan("2026-10-18", "Europe/London");
        assertThat(RuleEngine.evaluate(london, List.of(run("2026-10-25T23:30:00Z"))))
                .singleElement().satisfies(f -> assertThat(f.day()).isEqualTo(7));
        assertThat(RuleEngine.evaluate(london, List.of(run("2026-10-25T23:30:00-01:00")))).as("00:30 on day 8").isEmpty();
    }

    @Test
    void lateEveningRunCountsOnTheRunnersLocalDateNotUtc() {
        // 23:30 on day 7 in Los Angeles is already day 8 in UTC.
        assertThat(RuleEngine.evaluate(plan("2026-11-01", "America/Los_Angeles"), List.of(run("2026-11-08T23:30:00-08:00"))))
                .singleElement().satisfies(f -> assertThat(f.day()).isEqualTo(7));
    }

    @Test
    void startReportedInAnotherOffsetIsReadInTheRunnersZone() {
        // Reported in UTC: 11:30Z on 8 November (day 7 in UTC) is 00:30 on 9 November, day 8, in Auckland (UTC+13).
        PlanContext auckland = plan("2026-11-01", "Pacific/Auckland");
        assertThat(RuleEngine.evaluate(auckland, List.of(run("2026-11-08T11:30:00Z")))).isEmpty();
        // 10:30Z on 7 November is 23:30 on day 6 there.
        assertThat(RuleEngine.evaluate(auckland, List.of(run("2026-11-07T10:30:00Z"))))
                .singleElement().satisfies(f -> assertThat(f.day()).isEqualTo(6));
    }
}
