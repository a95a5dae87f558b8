package io.rebound.notification.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class DeliveryBackoffTest {

    private static final Duration FIRST = Duration.ofSeconds(5);
    private static final Duration MAX = Duration.ofMinutes(10);
    private static final Duration DAY = Duration.ofHours(24);
    private static final Instant CREATED = Instant.parse("2026-11-03T13:20:00Z");

    /** Always draws the top of the range, so a wait is its ceiling. */
    private static final RandomGenerator HIGHEST = () -> -1L;

    /** Always draws the bottom of the range, so a wait is half its ceiling. */
    private static final RandomGenerator LOWEST = () -> 0L;

    private static DeliveryBackoff backoff(RandomGenerator random) {
        return new DeliveryBackoff(FIRST, MAX, DAY, random);
    }

    @Test
    void ceilingDoublesFromTheFirstBackoffUntilTheMaxBackoff() {
        DeliveryBackoff backoff = backoff(HIGHEST);

        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.ceiling(3)).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.ceiling(7)).isEqualTo(Duration.ofSeconds(320));
        assertThat(backoff.ceiling(8)).isEqualTo(Duration.ofMinutes(10));
        assertThat(backoff.ceiling(500)).isEqualTo(Duration.ofMinutes(10));
        assertThat(backoff.ceiling(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void waitsGrowWithEachFailureUntilCapped() {
        assertThat(backoff(HIGHEST).wait(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff(HIGHEST).wait(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(backoff(HIGHEST).wait(30)).isEqualTo(Duration.ofMinutes(10));
        assertThat(backoff(LOWEST).wait(1)).isEqualTo(Duration.ofMillis(2500));
        assertThat(backoff(LOWEST).wait(4)).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff(LOWEST).wait(30)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void everyWaitIsJitteredBetweenHalfItsCeilingAndTheCeiling() {
        DeliveryBackoff backoff = backoff(new Random(42));

        for (int failures = 1; failures < 40; failures++) {
            Duration ceiling = backoff.ceiling(failures);
            for (int draw = 0; draw < 200; draw++) {
                assertThat(backoff.wait(failures)).isBetween(ceiling.dividedBy(2), ceiling);
            }
        }
    }

    @Test
    void manyDeliveriesFailingTogetherDoNotRetryInLockstep() {
        DeliveryBackoff backoff = backoff(new Random(7));
        Instant outage = Instant.parse("2026-11-03T14:00:00Z");

        Set<Instant> retries = new HashSet<>();
        long inLowerHalf = 0;
        for (int delivery = 0; delivery < 1_000; delivery++) {
            Instant next = backoff.nextAttempt(CREATED, 10, outage).orElseThrow();
            retries.add(next);
            if (next.isBefore(outage.plus(Duration.ofMinutes(7).plusSeconds(30)))) {
                inLowerHalf++;
            }
        }
        assertThat(retries).hasSizeGreaterThan(990);
        assertThat(inLowerHalf).isBetween(400L, 600L);
    }

    @Test
    void aDeliveryIsRetriedUntilTheRetryWindowIsOverThenGivenUp() {
        DeliveryBackoff backoff = backoff(new Random(1));

        assertThat(backoff.nextAttempt(CREATED, 1, CREATED.plusSeconds(1))).isPresent();
        assertThat(backoff.nextAttempt(CREATED, 200, CREATED.plus(DAY).minusMillis(1))).isPresent();
        assertThat(backoff.nextAttempt(CREATED, 200, CREATED.plus(DAY))).isEmpty();
        assertThat(backoff.nextAttempt(CREATED, 3, CREATED.plus(DAY).plusSeconds(3600))).isEmpty();
        assertThat(backoff.deadline(CREATED)).isEqualTo(Instant.parse("2026-11-04T13:20:00Z"));
    }

    @Test
    void noAttemptIsScheduledPastTheGiveUpDeadline() {
        DeliveryBackoff backoff = backoff(HIGHEST);
        Instant deadline = CREATED.plus(DAY);

        assertThat(backoff.nextAttempt(CREATED, 150, deadline.minusSeconds(30))).contains(deadline);
        assertThat(backoff.nextAttempt(CREATED, 150, deadline.minus(MAX))).contains(deadline);
        assertThat(backoff.nextAttempt(CREATED, 150, deadline.minus(MAX).minusSeconds(1)))
                .contains(deadline.minusSeconds(1));
        DeliveryBackoff jittered = backoff(new Random(3));
        for (int second = 1; second <= 900; second++) {
            assertThat(jittered.nextAttempt(CREATED, 150, deadline.minusSeconds(second)).orElseThrow())
                    .isAfter(deadline.minusSeconds(second))
                    .isBeforeOrEqualTo(deadline);
        }
    }

    @Test
    void settingsThatMakeNoSenseAreRefusedNamingTheKey() {
        Random random = new Random();
        assertThatThrownBy(() -> new DeliveryBackoff(Duration.ZERO, MAX, DAY, random))
                .hasMessageContaining("rebound.notification.first-backoff must be a positive duration, got PT0S");
        assertThatThrownBy(() -> new DeliveryBackoff(FIRST, Duration.ofSeconds(1), DAY, random))
                .hasMessageContaining("rebound.notification.max-backoff must be at least first-backoff (PT5S), got PT1S");
        assertThatThrownBy(() -> new DeliveryBackoff(FIRST, MAX, Duration.ofHours(-1), random))
                .hasMessageContaining("rebound.notification.give-up-after must be a positive duration, got PT-1H");
        assertThatThrownBy(() -> backoff(random).ceiling(0))
                .hasMessageContaining("failures must be 1 or more, was 0");
    }
}
