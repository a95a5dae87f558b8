package io.rebound.events;

import java.util.Locale;

/**
 * The windows of the return-to-running plan, counted in local days after race day (day 0).
 * Boundary days 7, 14 and 21 belong to the earlier window (docs/domain.md "Calendar").
 */
public enum Phase {
    PRE_PLAN(Integer.MIN_VALUE, 0, "before the plan"),
    REST(1, 3, "Rest"),
    RECOVER(4, 7, "Recover"),
    REINTRODUCE(8, 14, "Reintroduce"),
    REBUILD(15, 21, "Rebuild"),
    RESUME(22, 28, "Resume"),
    COMPLETE(29, Integer.MAX_VALUE, "Complete");

    private final int firstDay;
    private final int lastDay;
    private final String title;

    Phase(int firstDay, int lastDay, String title) {
        this.firstDay = firstDay;
        this.lastDay = lastDay;
        this.title = title;
    }

    public static Phase ofDay(long day) {
        for (Phase phase : values()) {
            if (day >= phase.firstDay && day <= phase.lastDay) {
                return phase;
            }
        }
        throw new IllegalStateException("no phase for day " + day);
    }

    public int firstDay() {
        return firstDay;
    }

    public int lastDay() {
        return lastDay;
    }

    public String title() {
        return title;
    }

    /** For example "Rest, days 1-3". */
    public String describe() {
        if (this == PRE_PLAN) {
            return title;
        }
        if (this == COMPLETE) {
            return String.format(Locale.ROOT, "%s, day %d on", title, firstDay);
        }
        return String.format(Locale.ROOT, "%s, days %d-%d", title, firstDay, lastDay);
    }
}
