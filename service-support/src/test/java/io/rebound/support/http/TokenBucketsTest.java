package io.rebound.support.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The buckets on a hand-moved clock: exact refills, Retry-After rounding and bounded memory. */
class TokenBucketsTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private void advanceMillis(long millis) {
        nanos.addAndGet(millis * 1_000_000L);
    }

    @Test
    void burstPassesThenTheSourceWaitsForTheRefill() {
        TokenBuckets buckets = new TokenBuckets(2, 3, 100, nanos::get);
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).as("Retry-After in whole seconds, at least 1").isEqualTo(1);
        advanceMillis(499);
        assertThat(buckets.take("a")).isEqualTo(1);
        advanceMillis(2);
        assertThat(buckets.take("a")).isZero();
    }

    @Test
    void slowRateGivesALongerRetryAfter() {
        TokenBuckets buckets = new TokenBuckets(0.1, 1, 100, nanos::get);
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isEqualTo(10);
        advanceMillis(4_000);
        assertThat(buckets.take("a")).isEqualTo(6);
    }

    @Test
    void oneSourceOverItsLimitLeavesOthersAlone() {
        TokenBuckets buckets = new TokenBuckets(1, 1, 100, nanos::get);
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isPositive();
        assertThat(buckets.take("b")).isZero();
    }

    @Test
    void idleSourcesAreDroppedWhenRoomIsNeededAndNewOnesShareAnOverflowBucketWhenAllAreBusy() {
        TokenBuckets buckets = new TokenBuckets(1, 2, 3, nanos::get);
        buckets.take("a");
        buckets.take("b");
        buckets.take("c");
        assertThat(buckets.tracked()).isEqualTo(3);

        // Nobody idle for a full refill (2 s): the fourth and fifth share one bucket.
        assertThat(buckets.take("d")).isZero();
        assertThat(buckets.take("e")).isZero();
        assertThat(buckets.take("f")).as("d, e and f share the overflow bucket of 2").isPositive();
        assertThat(buckets.tracked()).isEqualTo(4);

        advanceMillis(2_000);
        assertThat(buckets.take("g")).isZero();
        assertThat(buckets.tracked()).as("idle ones dropped, g has its own bucket").isEqualTo(1);
    }

    @Test
    void nonsenseLimitsAreRefused() {
        assertThatThrownBy(() -> new TokenBuckets(0, 1, 1, nanos::get)).hasMessageContaining("requests-per-second");
        assertThatThrownBy(() -> new TokenBuckets(1, 0, 1, nanos::get)).hasMessageContaining("burst");
    }
}
