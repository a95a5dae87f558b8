package io.rebound.notification.preferences;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * Hours of a recipient's local day when only OVERLOADs are sent, from {@code from} (included) to {@code to}
 * (excluded). A window with {@code from} after {@code to}, such as 22:00-07:00, runs across midnight. Read on the
 * wall clock of the recipient's zone, so it follows daylight saving.
 */
public record QuietHours(LocalTime from, LocalTime to) {

    public QuietHours {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.equals(to)) {
            throw new IllegalArgumentException("quiet hours from " + from + " to " + to + " are empty");
        }
    }

    public boolean acrossMidnight() {
        return from.isAfter(to);
    }

    public boolean contains(LocalTime time) {
        return acrossMidnight()
                ? !time.isBefore(from) || time.isBefore(to)
                : !time.isBefore(from) && time.isBefore(to);
    }

    /** When the quiet hours around {@code now} end, or empty when {@code now} is outside them. */
    public Optional<Instant> endAround(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        if (!contains(time)) {
            return Optional.empty();
        }
        LocalDate endDate = acrossMidnight() && !time.isBefore(from) ? local.toLocalDate().plusDays(1) : local.toLocalDate();
        return Optional.of(at(endDate, to, zone, now));
    }

    /**
     * The first moment after {@code now} that the wall clock shows {@code time} on {@code date}. A time skipped by a
     * spring-forward change is read an hour later, as {@link ZonedDateTime#of} does; a time repeated by a fall-back
     * change is its first occurrence unless that is already past (we are in the repeated hour), then its second.
     */
    static Instant at(LocalDate date, LocalTime time, ZoneId zone, Instant now) {
        ZonedDateTime end = ZonedDateTime.of(date, time, zone);
        if (!end.toInstant().isAfter(now)) {
            end = end.withLaterOffsetAtOverlap();
        }
        return end.toInstant();
    }

    @Override
    public String toString() {
        return from + "-" + to;
    }
}
