package io.rebound.web.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The plan as a calendar: weeks from Monday to Sunday, from the week of race day (day 0) to the end of day 28 (or on
 * to today, up to day 42), each day with its plan day and phase, today marked. Boundary days 7, 14 and 21 belong
 * to the earlier phase, as in the plan.
 */
public final class PlanCalendar {

    public static final int LAST_PLAN_DAY = 28;
    private static final int LONGEST = 42;

    private PlanCalendar() {
    }

    /** One cell: a date, or a blank before race day's week starts ({@code date} null). */
    public record Day(LocalDate date, Integer day, Phase phase, boolean today) {

        public boolean blank() {
            return date == null;
        }

        public boolean raceDay() {
            return day != null && day == 0;
        }

        /** "Mon 3 Nov" */
        public String label() {
            return date == null ? "" : date.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " "
                    + date.getDayOfMonth() + " " + date.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        }
    }

    /** The plan's phases, with the CSS class each is drawn in. */
    public enum Phase {
        RACE(0, 0, "Race day"),
        REST(io.rebound.events.Phase.REST),
        RECOVER(io.rebound.events.Phase.RECOVER),
        REINTRODUCE(io.rebound.events.Phase.REINTRODUCE),
        REBUILD(io.rebound.events.Phase.REBUILD),
        RESUME(io.rebound.events.Phase.RESUME),
        COMPLETE(io.rebound.events.Phase.COMPLETE.firstDay(), Integer.MAX_VALUE, "Plan complete");

        private final int firstDay;
        private final int lastDay;
        private final String title;

        Phase(int firstDay, int lastDay, String title) {
            this.firstDay = firstDay;
            this.lastDay = lastDay;
            this.title = title;
        }

        /** A phase of the plan, its days as the services count them (events' {@code Phase}). */
        Phase(io.rebound.events.Phase plan) {
            this(plan.firstDay(), plan.lastDay(), plan.title());
        }

        public static Phase of(int day) {
            for (Phase phase : values()) {
                if (day >= phase.firstDay && day <= phase.lastDay) {
                    return phase;
                }
            }
            throw new IllegalArgumentException("day " + day + " is before race day; the plan starts at day 0");
        }

        public String title() {
            return title;
        }

        public int firstDay() {
            return firstDay;
        }

        public int lastDay() {
            return lastDay;
        }

        public String cssClass() {
            return "phase-" + name().toLowerCase(Locale.ROOT);
        }

        /** "Reintroduce, days 8-14" */
        public String describe() {
            if (this == RACE) {
                return "Race day, day 0";
            }
            if (this == COMPLETE) {
                return "Plan complete, day 29 on";
            }
            return title + (firstDay == lastDay ? ", day " + firstDay : ", days " + firstDay + "-" + lastDay);
        }
    }

    /** The weeks of the plan; each has seven cells, Monday first. */
    public static List<List<Day>> weeks(LocalDate raceDate, LocalDate today) {
        long todayDay = ChronoUnit.DAYS.between(raceDate, today);
        int lastDay = (int) Math.max(LAST_PLAN_DAY, Math.min(todayDay, LONGEST));
        LocalDate first = raceDate.minusDays(raceDate.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue());
        LocalDate last = raceDate.plusDays(lastDay);
        List<List<Day>> weeks = new ArrayList<>();
        List<Day> week = new ArrayList<>();
        for (LocalDate date = first; !date.isAfter(last) || week.size() % 7 != 0; date = date.plusDays(1)) {
            long day = ChronoUnit.DAYS.between(raceDate, date);
            if (day < 0 || day > lastDay) {
                week.add(new Day(null, null, null, false));
            } else {
                week.add(new Day(date, (int) day, Phase.of((int) day), date.equals(today)));
            }
            if (week.size() == 7) {
                weeks.add(week);
                week = new ArrayList<>();
            }
        }
        return weeks;
    }

    /** The phases from Rest to Resume, for the calendar's key. */
    public static List<Phase> key() {
        return List.of(Phase.RACE, Phase.REST, Phase.RECOVER, Phase.REINTRODUCE, Phase.REBUILD, Phase.RESUME);
    }
}
