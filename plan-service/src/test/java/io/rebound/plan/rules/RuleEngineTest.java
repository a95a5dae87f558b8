package io.rebound.plan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebound.events.Phase;
import io.rebound.events.Severity;
import io.rebound.events.Sport;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** DOMAIN.md, caps table, REST and RECOVER rows: "none: any run = OVERLOAD"; and the "Calendar" section. */
class RuleEngineTest {

    private static final LocalDate RACE = LocalDate.parse("2026-11-01");
    private static final PlanCalendar CHICAGO = new PlanCalendar(RACE, ZoneId.of("America/Chicago"));

    private static LoggedActivity activity(Sport sport, String start) {
        return new LoggedActivity(UUID.randomUUID(), sport, OffsetDateTime.parse(start), 1800, 5000, null, null);
    }

    @Test
    void runOnDayTwoIsAnOverloadInRest() {
        LoggedActivity run = activity(Sport.RUN, "2026-11-03T07:00:00-06:00");
        List<Finding> findings = RuleEngine.evaluate(CHICAGO, List.of(run));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(Rule.NO_RUNNING_BEFORE_DAY_8);
            assertThat(f.severity()).isEqualTo(Severity.OVERLOAD);
            assertThat(f.phase()).isEqualTo(Phase.REST);
            assertThat(f.day()).isEqualTo(2);
            assertThat(f.date()).isEqualTo(LocalDate.parse("2026-11-03"));
            assertThat(f.tipping()).isEqualTo(run);
        });
    }

    @Test
    void runOnDaySevenIsAnOverloadInRecoverAndDayEightIsAllowed() {
        assertThat(RuleEngine.evaluate(CHICAGO, List.of(activity(Sport.TRAIL_RUN, "2026-11-08T18:00:00-06:00"))))
                .singleElement().satisfies(f -> {
                    assertThat(f.phase()).isEqualTo(Phase.RECOVER);
                    assertThat(f.day()).isEqualTo(7);
                });
        assertThat(RuleEngine.evaluate(CHICAGO, List.of(activity(Sport.RUN, "2026-11-09T06:00:00-06:00")))).isEmpty();
    }

    @Test
    void raceDayAndWalksAndCrossTrainingRaiseNothingHere() {
        assertThat(RuleEngine.evaluate(CHICAGO, List.of(
                activity(Sport.RUN, "2026-11-01T07:00:00-06:00"),
                activity(Sport.WALK, "2026-11-02T10:00:00-06:00"),
                activity(Sport.RIDE, "2026-11-05T10:00:00-06:00")))).isEmpty();
    }

    @Test
    void severalRunsInOneWindowGiveOneFindingTippedByTheFirst() {
        LoggedActivity first = activity(Sport.RUN, "2026-11-02T07:00:00-06:00");
        LoggedActivity second = activity(Sport.RUN, "2026-11-03T07:00:00-06:00");
        LoggedActivity inRecover = activity(Sport.RUN, "2026-11-05T07:00:00-06:00");
        List<Finding> findings = RuleEngine.evaluate(CHICAGO, List.of(inRecover, second, first));
        assertThat(findings).extracting(Finding::phase).containsExactlyInAnyOrder(Phase.REST, Phase.RECOVER);
        assertThat(findings).filteredOn(f -> f.phase() == Phase.REST).singleElement()
                .satisfies(f -> assertThat(f.tipping()).isEqualTo(first));
    }

    @Test
    void lateEveningRunCountsOnTheRunnersLocalDateNotUtc() {
        // 23:30 on day 7 in Los Angeles is already day 8 in UTC.
        PlanCalendar losAngeles = new PlanCalendar(RACE, ZoneId.of("America/Los_Angeles"));
        LoggedActivity lateRun = activity(Sport.RUN, "2026-11-08T23:30:00-08:00");
        assertThat(RuleEngine.evaluate(losAngeles, List.of(lateRun))).singleElement()
                .satisfies(f -> assertThat(f.day()).isEqualTo(7));
    }

    @Test
    void startReportedInAnotherOffsetIsReadInTheRunnersZone() {
        // Reported in UTC: 11:30Z on Nov 8 (day 7 in UTC) is 00:30 on Nov 9, day 8, in Auckland (UTC+13).
        PlanCalendar auckland = new PlanCalendar(RACE, ZoneId.of("Pacific/Auckland"));
        assertThat(RuleEngine.evaluate(auckland, List.of(activity(Sport.RUN, "2026-11-08T11:30:00Z")))).isEmpty();
        // 10:30Z on Nov 7 is 23:30 on day 7 there.
        assertThat(RuleEngine.evaluate(auckland, List.of(activity(Sport.RUN, "2026-11-07T10:30:00Z"))))
                .singleElement().satisfies(f -> assertThat(f.day()).isEqualTo(6));
    }
}
