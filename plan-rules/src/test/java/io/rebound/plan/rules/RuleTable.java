package io.rebound.plan.rules;

import io.rebound.events.DistanceUnit;
import io.rebound.events.MassageDepth;
import io.rebound.events.Sport;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A small language for the rule tables: activities on plan days, and the findings expected of them. */
final class RuleTable {

    static final LocalDate RACE = LocalDate.parse("2026-11-01");
    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final double MILE = 1609.344;

    private RuleTable() {
    }

    static PlanContext plan(double peakWeekMetres) {
        return new PlanContext(new PlanCalendar(RACE, CHICAGO), peakWeekMetres, 190, Caps.TEMPLATE, DistanceUnit.KM);
    }

    /**
     * One row: what it checks (citing a section of docs/domain.md), the activities, and the findings as
     * RULE/SEVERITY.
     */
    record Row(String domainLine, double peakWeekMetres, List<LoggedActivity> activities, Set<String> expected) {

        @Override
        public String toString() {
            return domainLine;
        }
    }

    static Row row(String domainLine, List<LoggedActivity> activities, String... expected) {
        return row(domainLine, 50_000, activities, expected);
    }

    static Row row(String domainLine, double peakWeekMetres, List<LoggedActivity> activities, String... expected) {
        return new Row(domainLine, peakWeekMetres, activities, new TreeSet<>(Arrays.asList(expected)));
    }

    static Set<String> found(Row row) {
        Set<String> found = new TreeSet<>();
        RuleEngine.evaluate(plan(row.peakWeekMetres()), row.activities())
                .forEach(f -> found.add(f.rule() + "/" + f.severity()));
        return found;
    }

    static LoggedActivity on(int day, Sport sport, double metres, long minutes, Integer effort, Integer heartRate,
            boolean strides, MassageDepth depth) {
        return new LoggedActivity(UUID.randomUUID(), sport,
                RACE.plusDays(day).atTime(LocalTime.of(7, 0)).atZone(CHICAGO).toOffsetDateTime(),
                minutes * 60, metres, effort, heartRate, strides, depth);
    }

    static LoggedActivity run(int day, double metres) {
        return on(day, Sport.RUN, metres, 30, 3, null, false, null);
    }

    static LoggedActivity run(int day, double metres, int effort) {
        return on(day, Sport.RUN, metres, 30, effort, null, false, null);
    }

    static LoggedActivity runWithHeartRate(int day, double metres, int heartRate) {
        return on(day, Sport.RUN, metres, 30, null, heartRate, false, null);
    }

    static LoggedActivity runWithStrides(int day, double metres) {
        return on(day, Sport.RUN, metres, 30, 3, null, true, null);
    }

    static LoggedActivity ride(int day, long minutes) {
        return on(day, Sport.RIDE, 10_000, minutes, 3, null, false, null);
    }

    static LoggedActivity ride(int day, long minutes, int effort) {
        return on(day, Sport.RIDE, 10_000, minutes, effort, null, false, null);
    }

    static LoggedActivity walk(int day) {
        return on(day, Sport.WALK, 2_000, 25, 2, null, false, null);
    }

    static LoggedActivity massage(int day, MassageDepth depth) {
        return on(day, Sport.MASSAGE, 0, 45, null, null, false, depth);
    }

    /** One easy run of the given distance on each of the days. */
    static List<LoggedActivity> runsOn(double metres, int... days) {
        List<LoggedActivity> runs = new ArrayList<>();
        for (int day : days) {
            runs.add(run(day, metres));
        }
        return runs;
    }

    static List<LoggedActivity> ridesOn(long minutes, int... days) {
        List<LoggedActivity> rides = new ArrayList<>();
        for (int day : days) {
            rides.add(ride(day, minutes));
        }
        return rides;
    }

    @SafeVarargs
    static List<LoggedActivity> all(List<LoggedActivity>... parts) {
        List<LoggedActivity> all = new ArrayList<>();
        for (List<LoggedActivity> part : parts) {
            all.addAll(part);
        }
        return all;
    }
}
