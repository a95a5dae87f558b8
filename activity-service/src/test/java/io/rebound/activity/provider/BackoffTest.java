package io.rebound.activity.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

    /** Always draws the top of the range, so next() is the ceiling itself. */
    private static final Random HIGHEST = new Random() {
        @Override
        public double nextDouble() {
            return Math.nextDown(1.0);
        }
    };

    @Test
    void ceilingDoublesFromOneSecondUntilTheFiveMinuteCap() {
        Backoff backoff = new Backoff(HIGHEST);

        assertThat(backoff.next(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.next(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.next(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.next(8)).isEqualTo(Duration.ofSeconds(256));
        assertThat(backoff.next(9)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.next(30)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.next(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void everyDrawIsJitteredBetweenZeroAndItsCeiling() {
        Backoff backoff = new Backoff(new Random(42));

        for (int attempt = 0; attempt < 40; attempt++) {
            for (int draw = 0; draw < 200; draw++) {
                Duration wait = backoff.next(attempt);
                assertThat(wait).isBetween(Duration.ZERO, Duration.ofMillis(Backoff.ceilingMillis(attempt)));
                assertThat(wait).isLessThanOrEqualTo(Duration.ofMinutes(5));
            }
        }
    }

    @Test
    void fullJitterSpreadsRetriesOverTheWholeRange() {
        Backoff backoff = new Backoff(new Random(7));

        long belowHalf = 0;
        for (int draw = 0; draw < 1_000; draw++) {
            if (backoff.next(10).compareTo(Duration.ofSeconds(150)) < 0) {
                belowHalf++;
            }
        }
        assertThat(belowHalf).isBetween(400L, 600L);
    }

    @Test
    void negativeAttemptIsRefused() {
        assertThatThrownBy(() -> new Backoff().next(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("attempt must be 0 or more, was -1");
    }
}
