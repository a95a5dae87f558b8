package io.rebound.notification.email;

import io.rebound.notification.NotificationConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * When a delivery that SMTP refused is tried again, and when it is given up on. The wait doubles from the first
 * backoff with each failed attempt up to the max backoff, and each wait is drawn at random between half of that
 * ceiling and all of it ("equal jitter"): deliveries that failed together, in an SMTP outage, spread out instead of
 * retrying in lockstep, yet none retries sooner than half its step. A delivery is retried while less than
 * give-up-after has passed since it was created; no attempt is scheduled past that deadline, and an attempt that
 * fails at or after it ends the delivery.
 */
public final class DeliveryBackoff {

    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final Duration giveUpAfter;
    private final RandomGenerator random;

    /** @param random the source of jitter; tests pass a seeded or fixed one */
    public DeliveryBackoff(Duration firstBackoff, Duration maxBackoff, Duration giveUpAfter, RandomGenerator random) {
        this.firstBackoff = positive("rebound.notification.first-backoff", firstBackoff);
        this.maxBackoff = positive("rebound.notification.max-backoff", maxBackoff);
        this.giveUpAfter = positive("rebound.notification.give-up-after", giveUpAfter);
        this.random = Objects.requireNonNull(random, "random");
        if (maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("rebound.notification.max-backoff must be at least first-backoff ("
                    + firstBackoff + "), got " + maxBackoff);
        }
    }

    /** The settings' policy; {@link Random} because one instance serves every sender thread. */
    public static DeliveryBackoff of(NotificationConfig config) {
        return new DeliveryBackoff(config.firstBackoff(), config.maxBackoff(), config.giveUpAfter(), new Random());
    }

    /**
     * The next attempt after {@code failures} failed attempts, the latest of them at {@code now}; empty when the
     * delivery's retry window is over and it is to be given up.
     */
    public Optional<Instant> nextAttempt(Instant createdAt, int failures, Instant now) {
        Instant deadline = deadline(createdAt);
        if (!now.isBefore(deadline)) {
            return Optional.empty();
        }
        Instant next = now.plus(wait(failures));
        return Optional.of(next.isAfter(deadline) ? deadline : next);
    }

    /** The end of a delivery's retry window. */
    public Instant deadline(Instant createdAt) {
        return createdAt.plus(giveUpAfter);
    }

    /** A wait after {@code failures} failed attempts, between half of {@link #ceiling(int)} and all of it. */
    public Duration wait(int failures) {
        long ceiling = ceiling(failures).toNanos();
        long floor = ceiling / 2;
        return Duration.ofNanos(floor + (long) (random.nextDouble() * (ceiling - floor + 1)));
    }

    /** The first backoff doubled for each failure after the first, capped at the max backoff. */
    public Duration ceiling(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be 1 or more, was " + failures);
        }
        Duration ceiling = firstBackoff;
        for (int step = 1; step < failures && ceiling.compareTo(maxBackoff) < 0; step++) {
            ceiling = ceiling.multipliedBy(2);
        }
        return ceiling.compareTo(maxBackoff) > 0 ? maxBackoff : ceiling;
    }

    private static Duration positive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be a positive duration, got " + value);
        }
        return value;
    }
}
