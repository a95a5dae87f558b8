package io.rebound.web.runners;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebound.web.client.TodayView;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TodayFactsTest {

    private static TodayView day(int day, TodayView.Running running) {
        return new TodayView("r-1", LocalDate.of(2026, 11, 11), day, "REINTRODUCE", "Reintroduce, days 8-14", "mi", running,
                new TodayView.CrossTraining(true, 1, 3, 45, "MODERATE"), null);
    }

    @Test
    void aRunnerWithRoomLeftHearsHowFarTheyMayRunInTheirUnit() {
        TodayFacts facts = TodayFacts.of(day(10, new TodayView.Running(true, 2, 1, 2, 4.5, 3.5, 5.5, 3.5, "EASY", false)));

        assertThat(facts.headline()).isEqualTo("You can run today, up to 3.5 mi.");
        assertThat(facts.usedShort()).isEqualTo("2 run days, 4.5 mi");
        assertThat(facts.leftShort()).isEqualTo("1 run day, 3.5 mi");
        assertThat(facts.running()).contains("Longest run allowed today: 3.5 mi", "Keep runs easy; no strides yet.");
        assertThat(facts.crossTraining()).contains("Longest session: 45 minutes", "Keep sessions easy or moderate.");
        assertThat(facts.phase()).isEqualTo("Reintroduce");
    }

    @Test
    void inTheRestDaysThereIsNoRunning() {
        TodayFacts facts = TodayFacts.of(day(2, new TodayView.Running(false, 0, null, null, 0, null, null, 0.0, null, false)));

        assertThat(facts.headline()).isEqualTo("No running today: the plan keeps these days for rest.");
        assertThat(facts.leftShort()).isEqualTo("no running");
        assertThat(facts.running()).noneMatch(line -> line.startsWith("Longest run"));
    }

    @Test
    void capsUsedUpSaySo() {
        TodayFacts facts = TodayFacts.of(day(12, new TodayView.Running(true, 4, 0, 0, 10, 0.0, 0.0, 0.0, "EASY", false)));

        assertThat(facts.headline()).isEqualTo("No more running in this window: its caps are used up.");
        assertThat(facts.leftShort()).isEqualTo("0 run days, 0 mi");
    }
}
