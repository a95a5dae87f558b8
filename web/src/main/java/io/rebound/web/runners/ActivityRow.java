package io.rebound.web.runners;

import io.rebound.web.client.ActivityView;
import io.rebound.web.client.LedgerActivity;
import io.rebound.web.format.Units;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One activity as a row of a page, in the runner's unit and zone, with the values its correction form starts from.
 *
 * @param distanceValue the distance in the runner's unit as a form value, e.g. "5.25"
 */
public record ActivityRow(String activityId, String sport, String sportName, String when, String duration,
        String distance, String effort, String date, String time, long durationMinutes, String distanceValue,
        Integer perceivedEffort) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    public static ActivityRow of(LedgerActivity a, String unit) {
        return of(a.activityId(), a.sport(), a.startTime(), a.durationSeconds(), a.distanceMetres(), a.perceivedEffort(),
                unit, null);
    }

    public static ActivityRow of(ActivityView a, String unit, ZoneId zone) {
        return of(a.activityId(), a.sport(), a.startTime(), a.durationSeconds(), a.distanceMetres(), a.perceivedEffort(),
                unit, zone);
    }

    /** @param zone the runner's zone to show the start in; null keeps the offset it was logged with */
    static ActivityRow of(String id, String sport, OffsetDateTime start, long seconds, double metres, Integer effort,
            String unit, ZoneId zone) {
        ZonedDateTime local = start == null ? null : zone == null ? start.toZonedDateTime() : start.atZoneSameInstant(zone);
        String value = String.format(Locale.ROOT, "%.2f", metres / Units.metresPer(unit));
        return new ActivityRow(id, sport, words(sport), local == null ? "" : WHEN.format(local), Units.duration(seconds),
                metres > 0 ? Units.distance(metres, unit) : "", effort == null ? "" : "effort " + effort + " of 10",
                local == null ? "" : local.toLocalDate().toString(),
                local == null ? "" : String.format(Locale.ROOT, "%02d:%02d", local.getHour(), local.getMinute()),
                Math.max(1, Math.round(seconds / 60.0)), value, effort);
    }

    static String words(String code) {
        if (code == null || code.isEmpty()) {
            return "Activity";
        }
        String text = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
