package io.rebound.activity.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The one bound on every time that comes in with an activity, whatever the way in (the API, webhooks, providers'
 * APIs, files): in the year 2000 or later and at most 24 hours ahead of now. Devices' clocks drift, but not by days
 * or years; a time outside this is a mistake or a forgery, never a run. Each way in refuses in its own terms, with
 * the message {@link #problem} gives.
 */
public final class ActivityTimes {

    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    public static final Duration AHEAD = Duration.ofHours(24);
    public static final String RULE = "must be in the year 2000 or later and at most 24 hours in the future";

    private static final ActivityTimes SYSTEM = new ActivityTimes(Clock.systemUTC());

    private final Clock clock;

    /** @param clock what "now" is; tests pass a fixed one */
    public ActivityTimes(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The bound on the system's clock. */
    public static ActivityTimes system() {
        return SYSTEM;
    }

    public boolean within(Instant time) {
        return !time.isBefore(EARLIEST) && !time.isAfter(clock.instant().plus(AHEAD));
    }

    /** Why {@code time} is out of bounds, as "must be ... (got 2090-01-01T00:00:00Z)"; empty when it is within them. */
    public Optional<String> problem(Instant time) {
        return problem(time, time);
    }

    /** As {@link #problem(Instant)}, showing the time as given (with its offset, as a client wrote it). */
    public Optional<String> problem(Instant time, Object shown) {
        return within(time) ? Optional.empty() : Optional.of(RULE + " (got " + shown + ")");
    }
}
