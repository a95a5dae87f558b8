package io.rebound.plan.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.rebound.events.DistanceUnit;
import io.rebound.events.OverloadAlertRaised.TodayAllowance;
import io.rebound.events.OverloadAlertRaised.WindowRunning;
import io.rebound.events.Sport;
import io.rebound.plan.rules.Caps;
import io.rebound.plan.rules.LoggedActivity;
import io.rebound.plan.rules.PlanCalendar;
import io.rebound.plan.rules.PlanContext;
import io.rebound.plan.rules.PlanWindow;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AlertGuidanceTest {

    private static final LocalDate RACE = LocalDate.parse("2026-11-01");
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final double MILE = 1609.344;
    private static final PlanContext PLAN =
            new PlanContext(new PlanCalendar(RACE, CHICAGO), 40 * MILE, 190, Caps.TEMPLATE, DistanceUnit.MI);
    private static final PlanWindow REINTRODUCE = PlanWindow.of(8);

    private static LoggedActivity on(int day, Sport sport, double metres) {
        return new LoggedActivity(UUID.randomUUID(), sport,
                RACE.plusDays(day).atTime(LocalTime.of(7, 0)).atZone(CHICAGO).toOffsetDateTime(), 1800, metres, 3, null,
                false, null);
    }

    @Test
    void windowRunningAddsUpRunsPerDayAndLeavesOtherSportsOut() {
        List<LoggedActivity> activities = List.of(on(8, Sport.RUN, 3 * MILE), on(10, Sport.RUN, 2 * MILE),
                on(10, Sport.RUN, 1 * MILE), on(11, Sport.RIDE, 20_000));

        WindowRunning running = AlertGuidance.running(PLAN, REINTRODUCE, activities);

        assertThat(running.firstDay()).isEqualTo(8);
        assertThat(running.lastDay()).isEqualTo(14);
        assertThat(running.dailyRunMetres()).containsExactly(4828.0, 0.0, 4828.0, 0.0, 0.0, 0.0, 0.0);
        // docs/domain.md "Caps per phase": days 8-14, single run over 6 mi; volume over 20% (WARNING) and 25%
        // (OVERLOAD) of the peak week.
        assertThat(running.singleRunCapMetres()).isEqualTo(6 * MILE);
        assertThat(running.volumeSoftCapMetres()).isEqualTo(Math.round(0.20 * 40 * MILE));
        assertThat(running.volumeHardCapMetres()).isEqualTo(Math.round(0.25 * 40 * MILE));
    }

    @Test
    void windowWithoutRunningHasASingleRunCapOfZero() {
        WindowRunning running = AlertGuidance.running(PLAN, PlanWindow.of(2), List.of(on(2, Sport.RUN, 5000)));

        assertThat(running.dailyRunMetres()).containsExactly(0.0, 5000.0, 0.0);
        assertThat(running.singleRunCapMetres()).isZero();
    }

    @Test
    void todayInTheWindowSaysWhatIsLeft() {
        List<LoggedActivity> activities = List.of(on(8, Sport.RUN, 3 * MILE), on(10, Sport.RUN, 3 * MILE),
                on(11, Sport.RUN, 2 * MILE));

        TodayAllowance today = AlertGuidance.today(PLAN, REINTRODUCE, RACE.plusDays(12), activities);

        assertThat(today.day()).isEqualTo(12);
        assertThat(today.runningAllowed()).isTrue();
        assertThat(today.runDaysLeft()).isZero();
        assertThat(today.distanceLeftMetres()).isCloseTo(Math.round(0.20 * 40 * MILE) - 8 * MILE, within(0.1));
        assertThat(today.stridesAllowed()).isFalse();
    }

    @Test
    void todayOutsideTheWindowIsNotGuessed() {
        assertThat(AlertGuidance.today(PLAN, REINTRODUCE, RACE.plusDays(20), List.of(on(8, Sport.RUN, 1000)))).isNull();
    }
}
