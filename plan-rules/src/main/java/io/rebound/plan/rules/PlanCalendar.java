package io.rebound.plan.rules;

import io.rebound.events.Phase;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The plan's days in the runner's own zone: race day is day 0, and an activity counts on the local date it
 * started (docs/domain.md "Calendar"), never on the UTC or server date.
 */
public record PlanCalendar(LocalDate raceDate, ZoneId zone) {

    public LocalDate localDate(OffsetDateTime start) {
        return start.atZoneSameInstant(zone).toLocalDate();
    }

    public int dayOf(OffsetDateTime start) {
        return dayOf(localDate(start));
    }

    public int dayOf(LocalDate date) {
        return Math.toIntExact(ChronoUnit.DAYS.between(raceDate, date));
    }

    /** The instant plan day {@code day} begins in the runner's zone (a local midnight, daylight saving included). */
    public Instant startOf(int day) {
        return raceDate.plusDays(day).atStartOfDay(zone).toInstant();
    }

    public Phase phaseOf(OffsetDateTime start) {
        return Phase.ofDay(dayOf(start));
    }
}
