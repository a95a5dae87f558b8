package io.rebound.bench.jmh;

import io.rebound.events.DistanceUnit;
import io.rebound.events.Sport;
import io.rebound.plan.rules.Caps;
import io.rebound.plan.rules.Finding;
import io.rebound.plan.rules.LoggedActivity;
import io.rebound.plan.rules.PlanCalendar;
import io.rebound.plan.rules.PlanContext;
import io.rebound.plan.rules.PlanWindow;
import io.rebound.plan.rules.RuleEngine;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What one evaluation costs plan-service for a runner with a short or a very long history.
 *
 * <p>Every runner has the same recent weeks (one activity a day on plan days 1-35, runs and cross-training), and
 * {@code history} older activities, one a day going back from race day. {@code passed}: {@code window} is what the
 * service hands the engine (it reads only the touched window from its ledger, widened by a day each side, plus the
 * 56-day look-back after day 28: see {@code Ledger.between} and {@code AlertService}); {@code whole} is the whole
 * history, what the engine would cost if the service did not narrow it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RuleEngineBenchmark {

    static final LocalDate RACE_DATE = LocalDate.of(2026, 4, 19);
    static final ZoneId ZONE = ZoneId.of("America/Chicago");
    static final int RECENT_DAYS = 35;

    @Param({"10", "1000", "100000"})
    public int history;

    /** REINTRODUCE (days 8-14, a phase window) or DAYS_29_35 (the first block after the plan, with its look-back). */
    @Param({"REINTRODUCE", "DAYS_29_35"})
    public String window;

    @Param({"window", "whole"})
    public String passed;

    private PlanContext plan;
    private PlanWindow evaluated;
    private List<LoggedActivity> activities;

    @Setup
    public void setUp() {
        PlanCalendar calendar = new PlanCalendar(RACE_DATE, ZONE);
        plan = new PlanContext(calendar, 40 * 1609.344, 185, Caps.TEMPLATE, DistanceUnit.MI);
        evaluated = PlanWindow.of(window.equals("REINTRODUCE") ? 10 : 30);
        List<LoggedActivity> all = ledger(calendar, history);
        activities = passed.equals("window") ? serviceSlice(calendar, evaluated, all) : all;
    }

    /** How many activities {@link #evaluate()} hands the engine. */
    public int size() {
        return activities.size();
    }

    @Benchmark
    public List<Finding> evaluate() {
        return RuleEngine.evaluate(plan, evaluated, activities);
    }

    /** The runner's whole ledger, in the order the service reads it (by start time). */
    static List<LoggedActivity> ledger(PlanCalendar calendar, int history) {
        Random random = new Random(42);
        List<LoggedActivity> ledger = new ArrayList<>(history + RECENT_DAYS);
        for (int day = -history; day <= RECENT_DAYS; day++) {
            if (day == 0) {
                continue;
            }
            boolean run = day < 0 || day % 3 != 1;
            OffsetDateTime start = RACE_DATE.plusDays(day).atTime(7 + random.nextInt(12), random.nextInt(60))
                    .atZone(ZONE).toOffsetDateTime();
            ledger.add(run
                    ? new LoggedActivity(new UUID(day, 1), Sport.RUN, start, 1800 + random.nextInt(1800),
                            3000 + random.nextInt(9000), 3 + random.nextInt(5), null)
                    : new LoggedActivity(new UUID(day, 2), Sport.RIDE, start, 1800 + random.nextInt(2400), 15000, null,
                            120 + random.nextInt(40)));
        }
        ledger.sort(Comparator.comparing((LoggedActivity a) -> a.start().toInstant()));
        return ledger;
    }

    /** What {@code AlertService} reads from the ledger for one window: as {@code Ledger.between} widens it. */
    static List<LoggedActivity> serviceSlice(PlanCalendar calendar, PlanWindow window, List<LoggedActivity> ledger) {
        int lookback = window.phase() == io.rebound.events.Phase.COMPLETE ? RuleEngine.AFTER_PLAN_LOOKBACK_DAYS : 0;
        Instant from = calendar.startOf(window.firstDay() - lookback).minus(1, ChronoUnit.DAYS);
        Instant to = calendar.startOf(window.lastDay() + 1).plus(1, ChronoUnit.DAYS);
        return ledger.stream()
                .filter(a -> !a.start().toInstant().isBefore(from) && a.start().toInstant().isBefore(to))
                .toList();
    }
}
