package io.rebound.web.format;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formatting the pages use, e.g. {@code {alert.raisedAt.when}} or {@code {activity.distanceMetres.distance(unit)}}. */
@TemplateExtension
public final class Formats {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    private Formats() {
    }

    /** An instant in UTC for the page; the script shows it in the reader's zone. */
    static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant.atOffset(ZoneOffset.UTC));
    }

    static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** "Mon 3 Nov 2026" */
    static String pretty(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    /** The start of an activity in the offset it was logged with: "Mon 3 Nov 2026, 07:15". */
    static String local(OffsetDateTime time) {
        return time == null ? "" : LOCAL.format(time);
    }

    static String distance(Double metres, String unit) {
        return metres == null ? "none" : Units.distance(metres, unit);
    }

    static String duration(Long seconds) {
        return seconds == null ? "" : Units.duration(seconds);
    }

    static String percent(Double share) {
        return Units.percent(share);
    }

    /** "OVERLOAD" reads "Overload", "trail_run" reads "Trail run". */
    static String words(String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        String text = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** CSS class part for an enum value: "OVERLOAD" is "overload". */
    static String css(String code) {
        return code == null ? "" : code.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
