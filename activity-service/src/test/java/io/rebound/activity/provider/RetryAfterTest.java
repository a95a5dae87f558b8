package io.rebound.activity.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2025-07-12T14:07:00Z");

    @Test
    void delaySecondsAreTakenAsTheyAre() {
        assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
    }

    @Test
    void httpDateIsMeasuredFromNow() {
        assertThat(RetryAfter.parse("Sat, 12 Jul 2025 14:15:00 GMT", NOW)).contains(Duration.ofMinutes(8));
    }

    @Test
    void httpDateInThePastMeansNoWait() {
        assertThat(RetryAfter.parse("Sat, 12 Jul 2025 14:00:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @Test
    void absentOrGarbledHeaderIsEmpty() {
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
        assertThat(RetryAfter.parse("", NOW)).isEmpty();
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
        assertThat(RetryAfter.parse("99999999999999999999999", NOW)).isEmpty();
    }
}
