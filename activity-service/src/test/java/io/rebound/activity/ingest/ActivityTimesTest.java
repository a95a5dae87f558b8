package io.rebound.activity.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ActivityTimesTest {

    private static final Instant NOW = Instant.parse("2026-11-20T06:00:00Z");
    private final ActivityTimes times = new ActivityTimes(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void fromTheYear2000ToADayAheadOfTheClockIsWithin() {
        assertThat(times.within(Instant.parse("2000-01-01T00:00:00Z"))).isTrue();
        assertThat(times.within(NOW)).isTrue();
        assertThat(times.within(NOW.plus(Duration.ofHours(24)))).isTrue();
        assertThat(times.problem(NOW.minus(Duration.ofDays(3000)))).isEmpty();
    }

    @Test
    void beforeTheYear2000OrMoreThanADayAheadIsRefusedSayingWhy() {
        assertThat(times.within(Instant.parse("1999-12-31T23:59:59Z"))).isFalse();
        assertThat(times.within(NOW.plus(Duration.ofHours(24)).plusSeconds(1))).isFalse();
        assertThat(times.problem(NOW.plus(Duration.ofDays(2))))
                .contains("must be in the year 2000 or later and at most 24 hours in the future (got 2026-11-22T06:00:00Z)");
        assertThat(times.problem(Instant.parse("2090-01-01T00:00:00Z"), "2090-01-01T01:00+01:00"))
                .contains("must be in the year 2000 or later and at most 24 hours in the future (got 2090-01-01T01:00+01:00)");
    }

    @Test
    void aheadIsCountedFromTheGivenClock() {
        ActivityTimes later = new ActivityTimes(Clock.fixed(NOW.plus(Duration.ofDays(2)), ZoneOffset.UTC));

        assertThat(times.within(NOW.plus(Duration.ofDays(2)))).isFalse();
        assertThat(later.within(NOW.plus(Duration.ofDays(2)))).isTrue();
    }
}
