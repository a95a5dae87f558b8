package io.rebound.web.settings;

import java.time.ZoneId;
import java.util.List;

/** The time zones offered: regions such as Europe/London (so daylight saving is followed), sorted. */
public final class Zones {

    public static final List<String> ALL = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/")
                    && Character.isUpperCase(id.charAt(0)) && !id.startsWith("US/") && !id.startsWith("Canada/")
                    && !id.startsWith("Brazil/") && !id.startsWith("Chile/") && !id.startsWith("Mexico/"))
            .sorted()
            .toList();

    private Zones() {
    }

    /** The zones offered, with {@code current} among them even when it is not a region (e.g. UTC). */
    public static List<String> with(String current) {
        if (current == null || current.isBlank() || ALL.contains(current)) {
            return ALL;
        }
        java.util.List<String> zones = new java.util.ArrayList<>(ALL);
        zones.add(0, current);
        return zones;
    }
}
