package io.rebound.web.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void distancesAreWrittenInTheRunnersUnitWithAtMostOneDecimal() {
        assertThat(Units.distance(9656.064, "mi")).isEqualTo("6 mi");
        assertThat(Units.distance(9656.064, "km")).isEqualTo("9.7 km");
        assertThat(Units.distance(5000, "KM")).isEqualTo("5 km");
        assertThat(Units.distance(0, "mi")).isEqualTo("0 mi");
        assertThat(Units.distance(40, "km")).isEqualTo("<0.1 km");
        assertThat(Units.inUnit(3.14, "mi")).isEqualTo("3.1 mi");
    }

    @Test
    void aTypedDistanceBecomesMetres() {
        assertThat(Units.parseToMetres("6", "mi")).isEqualTo(6 * 1609.344);
        assertThat(Units.parseToMetres(" 5,5 ", "km")).isEqualTo(5500.0);
        assertThatThrownBy(() -> Units.parseToMetres("six", "mi")).hasMessage("\"six\" is not a number; enter a distance in mi, for example 5.5.");
        assertThatThrownBy(() -> Units.parseToMetres("-1", "km")).hasMessage("Enter a distance of 0 km or more.");
        assertThatThrownBy(() -> Units.parseToMetres("", "km")).hasMessageContaining("Enter a distance in km");
    }

    @Test
    void durationsReadLikeAWatch() {
        assertThat(Units.duration(30)).isEqualTo("30 s");
        assertThat(Units.duration(45 * 60)).isEqualTo("45 min");
        assertThat(Units.duration(65 * 60 + 10)).isEqualTo("1 h 05 min");
    }

    @Test
    void anAlertsNumbersAreWordedByWhatTheyCount() {
        assertThat(Units.quantity(9656.064, "METRES", "mi")).isEqualTo("6 mi");
        assertThat(Units.quantity(4.0, "RUN_DAYS", "mi")).isEqualTo("4 run days");
        assertThat(Units.quantity(1.0, "RUN_DAYS", "mi")).isEqualTo("1 run day");
        assertThat(Units.quantity(2700.0, "SECONDS", "km")).isEqualTo("45 min");
        assertThat(Units.quantity(1.4234, "RATIO", "km")).isEqualTo("1.42");
        assertThat(Units.quantity(1.0, "INTENSITY", "km")).isEqualTo("moderate");
        assertThat(Units.quantity(2.0, "INTENSITY", "km")).isEqualTo("hard");
        assertThat(Units.quantity(1.0, "SESSIONS", "km")).isEqualTo("1 session");
        assertThat(Units.quantity(null, "METRES", "km")).isEqualTo("none");
    }

    @Test
    void sharesOfThePeakWeekArePercentages() {
        assertThat(Units.percent(0.25)).isEqualTo("25%");
        assertThat(Units.percent(0.125)).isEqualTo("12.5%");
        assertThat(Units.percent(null)).isEqualTo("none");
    }
}
