package io.rebound.plan.rules;

import io.rebound.events.ActivityKind;
import io.rebound.events.MassageDepth;
import io.rebound.events.OverloadAlertRaised.Quantity;
import io.rebound.events.Phase;
import io.rebound.events.Severity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The plan's rules as pure functions: a plan and the activities of one window in, the findings out. No framework,
 * no clock, no I/O, so every rule is tested in milliseconds and a result depends only on the facts.
 *
 * <p>Activities are taken in the order they started. For each (rule, severity) the first activity that crosses the
 * cap is the tipping one; an activity that crosses a soft and a hard cap of the same rule at once gives only the
 * OVERLOAD (docs/domain.md "Findings and alerts").
 */
public final class RuleEngine {

    /** How far back the after-day-28 rules look: 30 days for the jump rule, two chronic spans for the ratio. */
    public static final int AFTER_PLAN_LOOKBACK_DAYS = 56;

    private static final double ACUTE_DAYS = 7;
    private static final double CHRONIC_DAYS = 28;
    private static final int JUMP_LOOKBACK_DAYS = 30;

    private RuleEngine() {
    }

    /** Every finding of every window the ledger touches; the whole history in one call (tests, plan creation). */
    public static List<Finding> evaluate(PlanContext plan, List<LoggedActivity> ledger) {
        Map<String, PlanWindow> windows = new TreeMap<>();
        for (LoggedActivity activity : ledger) {
            PlanWindow window = PlanWindow.of(plan.calendar().dayOf(activity.start()));
            if (window != null) {
                windows.put(window.key(), window);
            }
        }
        List<Finding> findings = new ArrayList<>();
        windows.values().forEach(window -> findings.addAll(evaluate(plan, window, ledger)));
        return findings;
    }

    /**
     * The findings of one window. {@code activities} may hold more than the window (they are filtered by local
     * date); for a window after day 28 it must hold the {@link #AFTER_PLAN_LOOKBACK_DAYS} days before it too.
     */
    public static List<Finding> evaluate(PlanContext plan, PlanWindow window, List<LoggedActivity> activities) {
        List<LoggedActivity> chronological = activities.stream()
                .sorted(Comparator.comparing((LoggedActivity a) -> a.start().toInstant()).thenComparing(LoggedActivity::activityId))
                .toList();
        return window.phase() == Phase.COMPLETE
                ? afterPlan(plan, window, chronological)
                : phaseWindow(plan, window, chronological);
    }

    private static List<Finding> phaseWindow(PlanContext plan, PlanWindow window, List<LoggedActivity> chronological) {
        PhaseCaps caps = plan.caps().of(window.phase());
        Texts texts = new Texts(plan.unit(), window);
        Found found = new Found(plan.calendar(), window);
        Set<LocalDate> runDays = new HashSet<>();
        Set<LocalDate> crossTrainingDays = new HashSet<>();
        int runs = 0;
        int stridesRuns = 0;
        int crossSessions = 0;
        double volume = 0;
        for (LoggedActivity activity : chronological) {
            if (!window.contains(plan.calendar().dayOf(activity.start()))) {
                continue;
            }
            ActivityKind kind = activity.sport().kind();
            Intensity intensity = Intensity.of(activity, plan.maxHeartRate());
            boolean walkInRest = kind == ActivityKind.WALK && window.phase() == Phase.REST;
            if (kind == ActivityKind.RUN) {
                runs++;
                if (!caps.running()) {
                    found.add(Rule.NO_RUNNING, texts.noRunning(), Severity.OVERLOAD, Quantity.RUNS, 0, runs, activity);
                    continue;
                }
                runDays.add(plan.calendar().localDate(activity.start()));
                if (caps.runDaysSoft() != null && runDays.size() > caps.runDaysSoft()) {
                    found.add(Rule.RUN_DAYS, texts.runDays(caps.runDaysSoft()), Severity.WARNING, Quantity.RUN_DAYS,
                            caps.runDaysSoft(), runDays.size(), activity);
                }
                if (caps.runDaysHard() != null && runDays.size() > caps.runDaysHard()) {
                    found.add(Rule.RUN_DAYS, texts.runDays(caps.runDaysHard()), Severity.OVERLOAD, Quantity.RUN_DAYS,
                            caps.runDaysHard(), runDays.size(), activity);
                }
                if (caps.singleRunMetres() != null) {
                    long distance = metres(activity.distanceMetres());
                    long cap = metres(caps.singleRunMetres());
                    boolean reached = Boolean.TRUE.equals(caps.singleRunCapReached());
                    if (reached ? distance >= cap : distance > cap) {
                        found.add(Rule.SINGLE_RUN_DISTANCE, texts.singleRun(caps.singleRunMetres(), reached),
                                Severity.OVERLOAD, Quantity.METRES, cap, distance, activity);
                    }
                }
                volume += activity.distanceMetres();
                checkVolume(plan, caps.volumeSoftShare(), Severity.WARNING, volume, activity, found, texts);
                checkVolume(plan, caps.volumeHardShare(), Severity.OVERLOAD, volume, activity, found, texts);
                if (intensity.above(caps.runIntensityMax())) {
                    found.add(Rule.RUN_INTENSITY, texts.runIntensity(caps.runIntensityMax()), Severity.WARNING,
                            Quantity.INTENSITY, caps.runIntensityMax().ordinal(), intensity.ordinal(), activity);
                }
                if (activity.strides() && !caps.strides()) {
                    stridesRuns++;
                    found.add(Rule.STRIDES, texts.strides(), Severity.WARNING, Quantity.SESSIONS, 0, stridesRuns, activity);
                }
            } else if (kind == ActivityKind.CROSS_TRAINING || (kind == ActivityKind.WALK && !walkInRest)) {
                crossSessions++;
                if (!caps.crossTraining()) {
                    if (kind != ActivityKind.WALK) {
                        found.add(Rule.NO_CROSS_TRAINING, texts.noCrossTraining(), Severity.WARNING, Quantity.SESSIONS, 0,
                                crossSessions, activity);
                    }
                    continue;
                }
                crossTrainingDays.add(plan.calendar().localDate(activity.start()));
                if (caps.crossTrainingDaysMax() != null && crossTrainingDays.size() > caps.crossTrainingDaysMax()) {
                    found.add(Rule.CROSS_TRAINING_DAYS, texts.crossTrainingDays(caps.crossTrainingDaysMax()),
                            Severity.WARNING, Quantity.DAYS, caps.crossTrainingDaysMax(), crossTrainingDays.size(), activity);
                }
                if (caps.crossTrainingSessionMinutes() != null
                        && activity.durationSeconds() > caps.crossTrainingSessionMinutes() * 60L) {
                    found.add(Rule.CROSS_TRAINING_SESSION, texts.crossTrainingSession(caps.crossTrainingSessionMinutes()),
                            Severity.WARNING, Quantity.SECONDS, caps.crossTrainingSessionMinutes() * 60.0,
                            activity.durationSeconds(), activity);
                }
                if (intensity.above(caps.crossTrainingIntensityMax())) {
                    found.add(Rule.CROSS_TRAINING_INTENSITY, texts.crossTrainingIntensity(caps.crossTrainingIntensityMax()),
                            Severity.WARNING, Quantity.INTENSITY, caps.crossTrainingIntensityMax().ordinal(),
                            intensity.ordinal(), activity);
                }
            } else if (kind == ActivityKind.MASSAGE && activity.massageDepth() == MassageDepth.DEEP
                    && Boolean.TRUE.equals(caps.deepMassageAdvisory())) {
                found.add(Rule.DEEP_MASSAGE, texts.deepMassage(), Severity.ADVISORY, Quantity.SESSIONS, 0, 1, activity);
            }
        }
        return found.list();
    }

    private static void checkVolume(PlanContext plan, Double share, Severity severity, double volume,
            LoggedActivity activity, Found found, Texts texts) {
        if (share == null) {
            return;
        }
        long cap = metres(share * plan.peakWeekMetres());
        long actual = metres(volume);
        if (actual > cap) {
            found.add(Rule.PHASE_VOLUME, texts.volume(share, cap), severity, Quantity.METRES, cap, actual, activity);
        }
    }

    private static List<Finding> afterPlan(PlanContext plan, PlanWindow window, List<LoggedActivity> chronological) {
        AfterPlanCaps caps = plan.caps().afterPlan();
        Texts texts = new Texts(plan.unit(), window);
        Found found = new Found(plan.calendar(), window);
        List<LoggedActivity> runs = chronological.stream().filter(a -> a.sport().kind() == ActivityKind.RUN).toList();
        for (int i = 0; i < runs.size(); i++) {
            LoggedActivity run = runs.get(i);
            LocalDate date = plan.calendar().localDate(run.start());
            if (!window.contains(plan.calendar().dayOf(date))) {
                continue;
            }
            List<LoggedActivity> before = runs.subList(0, i);
            if (caps.singleRunJumpShare() != null) {
                double longest = before.stream()
                        .filter(r -> !plan.calendar().localDate(r.start()).isBefore(date.minusDays(JUMP_LOOKBACK_DAYS)))
                        .mapToDouble(LoggedActivity::distanceMetres).max().orElse(0);
                long limit = metres(longest * (1 + caps.singleRunJumpShare()));
                if (longest > 0 && metres(run.distanceMetres()) > limit) {
                    found.add(Rule.SINGLE_RUN_JUMP, texts.jump(caps.singleRunJumpShare()), Severity.WARNING,
                            Quantity.METRES, limit, metres(run.distanceMetres()), run);
                }
            }
            // Compared as shown, to two decimals, so an alert never reads "1.50 is above 1.50".
            double ratio = round2(workloadRatio(plan.calendar(), runs.subList(0, i + 1), date));
            if (Double.isFinite(ratio)) {
                if (caps.acwrWarning() != null && ratio > caps.acwrWarning()) {
                    found.add(Rule.WORKLOAD_RATIO, texts.ratio(caps.acwrWarning()), Severity.WARNING, Quantity.RATIO,
                            caps.acwrWarning(), ratio, run);
                }
                if (caps.acwrOverload() != null && ratio > caps.acwrOverload()) {
                    found.add(Rule.WORKLOAD_RATIO, texts.ratio(caps.acwrOverload()), Severity.OVERLOAD, Quantity.RATIO,
                            caps.acwrOverload(), ratio, run);
                }
            }
        }
        return found.list();
    }

    /**
     * Acute (7-day) over chronic (28-day) exponentially weighted running distance on {@code date} (Williams et al.
     * 2017: lambda = 2 / (N + 1)), from the runs up to and including the one being checked; NaN without load.
     */
    static double workloadRatio(PlanCalendar calendar, List<LoggedActivity> runsSoFar, LocalDate date) {
        Map<LocalDate, Double> daily = new TreeMap<>();
        for (LoggedActivity run : runsSoFar) {
            daily.merge(calendar.localDate(run.start()), run.distanceMetres(), Double::sum);
        }
        double acuteLambda = 2 / (ACUTE_DAYS + 1);
        double chronicLambda = 2 / (CHRONIC_DAYS + 1);
        double acute = 0;
        double chronic = 0;
        for (LocalDate day = date.minusDays(AFTER_PLAN_LOOKBACK_DAYS); !day.isAfter(date); day = day.plusDays(1)) {
            double load = daily.getOrDefault(day, 0.0);
            acute = load * acuteLambda + (1 - acuteLambda) * acute;
            chronic = load * chronicLambda + (1 - chronicLambda) * chronic;
        }
        return chronic > 0 ? acute / chronic : Double.NaN;
    }

    /** Distances are compared at 1 m resolution, so a total exactly at a cap is within it. */
    public static long metres(double distance) {
        return Math.round(distance);
    }

    private static double round2(double value) {
        return Double.isFinite(value) ? Math.round(value * 100) / 100.0 : value;
    }

    /** The first tipping activity per (rule, severity) of one window. */
    private static final class Found {

        private final PlanCalendar calendar;
        private final PlanWindow window;
        private final Map<String, Finding> first = new LinkedHashMap<>();

        Found(PlanCalendar calendar, PlanWindow window) {
            this.calendar = calendar;
            this.window = window;
        }

        void add(Rule rule, String text, Severity severity, Quantity quantity, double limit, double actual,
                LoggedActivity tipping) {
            first.putIfAbsent(rule + "/" + severity, new Finding(rule, text, severity, window, calendar.dayOf(tipping.start()),
                    calendar.localDate(tipping.start()), quantity, limit, actual, tipping));
        }

        List<Finding> list() {
            return first.values().stream()
                    .filter(f -> f.severity() == Severity.OVERLOAD || !sameTippingOverload(f))
                    .toList();
        }

        private boolean sameTippingOverload(Finding finding) {
            Finding overload = first.get(finding.rule() + "/" + Severity.OVERLOAD);
            return overload != null && overload.tipping().activityId().equals(finding.tipping().activityId());
        }
    }
}
