package io.rebound.web.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebound.web.client.LedgerActivity;
import io.rebound.web.client.PhaseCaps;
import io.rebound.web.client.PlanView;
import io.rebound.web.client.WindowRunning;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanWindowsTest {

    private static final double MILE = 1609.344;
    private static final LocalDate RACE = LocalDate.of(2026, 11, 1);

    private static PlanView plan(int today) {
        PhaseCaps reintroduce = new PhaseCaps(true, 3, 4, 6 * MILE, false, 0.20, 0.25, "EASY", false, true, 4, 45, "MODERATE", false);
        PhaseCaps rest = new PhaseCaps(false, null, null, null, null, null, null, null, false, false, null, null, null, true);
        return new PlanView("p-1", "r-1", RACE, "America/Chicago", "mi", new PlanView.PeakWeek(40 * MILE, 40, "mi", "GIVEN"),
                null, false, null, null, new PlanView.Today(RACE.plusDays(today), today, "x"),
                new PlanView.Caps(Map.of("REINTRODUCE", reintroduce, "REST", rest), null));
    }

    private static LedgerActivity run(String start, double miles, String sport) {
        return new LedgerActivity("a", sport, OffsetDateTime.parse(start), 1800, miles * MILE, null);
    }

    @Test
    void theWindowsRunsAreSummedByTheRunnersLocalDay() {
        List<LedgerActivity> activities = List.of(
                run("2026-11-09T14:00:00Z", 3, "run"),            // day 8 in Chicago
                run("2026-11-11T04:30:00Z", 2, "trail_run"),      // still 10 Nov, day 9, in Chicago
                run("2026-11-11T15:00:00Z", 4, "treadmill_run"),  // day 10
                run("2026-11-11T16:00:00Z", 1, "run"),            // day 10 again
                run("2026-11-11T17:00:00Z", 20, "ride"),          // cross-training: not running
                run("2026-11-05T12:00:00Z", 5, "run"));           // day 4: another window

        WindowRunning window = PlanWindows.current(plan(10), activities).orElseThrow();

        assertThat(window.firstDay()).isEqualTo(8);
        assertThat(window.lastDay()).isEqualTo(14);
        assertThat(window.dailyRunMetres()).hasSize(7);
        assertThat(window.dailyRunMetres().get(0)).isEqualTo(3 * MILE);
        assertThat(window.dailyRunMetres().get(1)).isEqualTo(2 * MILE);
        assertThat(window.dailyRunMetres().get(2)).isEqualTo(5 * MILE);
        assertThat(window.dailyRunMetres().subList(3, 7)).containsOnly(0.0);
        assertThat(window.singleRunCapMetres()).isEqualTo(6 * MILE);
        assertThat(window.volumeSoftCapMetres()).isEqualTo(8 * MILE, org.assertj.core.data.Offset.offset(0.001));
        assertThat(window.volumeHardCapMetres()).isEqualTo(10 * MILE, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void inTheRestDaysNoRunningIsAllowed() {
        WindowRunning window = PlanWindows.current(plan(2), List.of()).orElseThrow();

        assertThat(window.firstDay()).isEqualTo(1);
        assertThat(window.lastDay()).isEqualTo(3);
        assertThat(window.singleRunCapMetres()).isZero();
        assertThat(window.volumeHardCapMetres()).isZero();
        assertThat(window.volumeSoftCapMetres()).isNull();
    }

    @Test
    void raceDayAndAfterDay28HaveNoWindow() {
        assertThat(PlanWindows.current(plan(0), List.of())).isEmpty();
        assertThat(PlanWindows.current(plan(29), List.of())).isEmpty();
    }
}
