package io.rebound.activity.provider;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * Exponential backoff with full jitter: the wait before retry {@code attempt} is drawn uniformly from zero up to
 * {@code min(cap, base * 2^attempt)}, so that many webhooks failing together do not all retry together.
 */
public final class Backoff {

    static final Duration BASE = Duration.ofSeconds(1);
    static final Duration CAP = Duration.ofMinutes(5);

    private final Random random;

    public Backoff() {
        this(new Random());
    }

    /** @param random the source of jitter; tests pass a seeded or fixed one */
    public Backoff(Random random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** How long to wait before retry number {@code attempt}, counting the first retry as 0. */
    public Duration next(int attempt) {
        long ceiling = ceilingMillis(attempt);
        return Duration.ofMillis((long) (random.nextDouble() * (ceiling + 1)));
    }

    /** The longest {@link #next(int)} can be for {@code attempt}. */
    static long ceilingMillis(int attempt) {
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt must be 0 or more, was " + attempt);
        }
        // 2^20 seconds is far past the cap; stopping there keeps the shift from overflowing.
        if (attempt >= 20) {
            return CAP.toMillis();
        }
        return Math.min(CAP.toMillis(), BASE.toMillis() << attempt);
    }
}
