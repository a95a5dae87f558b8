package io.rebound.deploy;

import java.time.Duration;
import java.util.Locale;

/** Durations as Quarkus reads them from configuration (QUARKUS_SHUTDOWN_TIMEOUT=30s). */
final class Durations {

    private Durations() {
    }

    /** A bare number is seconds; "ms" and "d" suffixes are understood; anything else is ISO-8601 after "PT". */
    static Duration quarkus(String value) {
        String v = value.trim().toUpperCase(Locale.ROOT);
        if (v.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(v));
        }
        if (v.matches("\\d+MS")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        if (v.matches("\\d+D")) {
            return Duration.ofDays(Long.parseLong(v.substring(0, v.length() - 1)));
        }
        return Duration.parse(v.startsWith("P") ? v : "PT" + v);
    }
}
