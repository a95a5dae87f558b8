package io.rebound.notification.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rebound.events.DistanceUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The alert email's chart, so far its input: which windows and distances {@link RunChart} refuses. */
class RunChartRendererTest {

    private static final DistanceUnit MI = DistanceUnit.MI;

    private static List<Double> days(double... metres) {
        return Arrays.stream(metres).boxed().toList();
    }

    @Test
    void dailyDistancesMustMatchTheWindow() {
        assertThatThrownBy(() -> new RunChart("w", 8, 14, days(1, 2, 3), null, null, null, MI, 8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dailyRunMetres has 3 entries, expected 7");
        assertThatThrownBy(() -> new RunChart("w", 8, 5, List.of(), null, null, null, MI, 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lastDay");
    }

    @Test
    void distancesMustBeFiniteAndNotNegative() {
        assertThatThrownBy(() -> new RunChart("w", 8, 9, days(1, -5), null, null, null, MI, 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dailyRunMetres[1] (day 9) is -5.0");
        assertThatThrownBy(() -> new RunChart("w", 8, 9, days(Double.NaN, 1), null, null, null, MI, 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dailyRunMetres[0] (day 8) is NaN");
        assertThatThrownBy(() -> new RunChart("w", 8, 9, Arrays.asList(1.0, null), null, null, null, MI, 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dailyRunMetres[1] (day 9) is null");
        assertThatThrownBy(() -> new RunChart("w", 8, 9, days(1, 2), -1.0, null, null, MI, 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("singleRunCapMetres is -1.0");
        assertThatThrownBy(() -> new RunChart("w", 8, 9, days(1, 2), null, Double.POSITIVE_INFINITY, null, MI, 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("volumeSoftCapMetres is Infinity");
        assertThatThrownBy(() -> new RunChart("w", 8, 9, days(1, 2), null, 20.0, 10.0, MI, 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("volumeSoftCapMetres is 20.0");
        assertThatThrownBy(() -> new RunChart("w", 8, 9, days(1, 2), null, null, null, null, 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unit");
    }

    @Test
    void theChartKeepsItsOwnCopyOfTheDays() {
        List<Double> daily = new ArrayList<>(days(1, 2));
        RunChart chart = new RunChart("w", 8, 9, daily, null, null, null, MI, 8);
        daily.set(0, -1.0);

        assertThat(chart.dailyRunMetres()).containsExactly(1.0, 2.0);
    }
}
