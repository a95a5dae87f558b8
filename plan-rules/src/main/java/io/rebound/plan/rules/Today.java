package io.rebound.plan.rules;

import io.rebound.events.ActivityKind;
import io.rebound.events.Phase;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a runner may do on one day, and what is left in the window (docs/domain.md "Today's allowance": the caps,
 * read forward). Distances in metres; null where no cap applies.
 *
 * @param runDaysLeftBeforeSoftCap run days still within the soft cap, counting today as used if they ran today
 * @param longestRunMetres         the longest run allowed today: the single-run cap, the hard volume left, or
 *                                 after day 28 the jump limit, whichever is least
 */
public record Today(
        LocalDate date,
        int day,
        Phase phase,
        PlanWindow window,
        boolean runningAllowed,
        int runDaysSoFar,
        Integer runDaysLeftBeforeSoftCap,
        Integer runDaysLeftBeforeHardCap,
        double runDistanceSoFarMetres,
        Double distanceLeftBeforeSoftCapMetres,
        Double distanceLeftBeforeHardCapMetres,
        Double longestRunMetres,
        Intensity runIntensityMax,
        boolean stridesAllowed,
        boolean crossTrainingAllowed,
        int crossTrainingDaysSoFar,
        Integer crossTrainingDaysLeft,
        Integer crossTrainingSessionMinutes,
        Intensity crossTrainingIntensityMax,
        Double workloadRatio) {

    /** @param activities the window's activities, and for a day after 28 the lookback before it too */
    public static Today of(PlanContext plan, LocalDate date, List<LoggedActivity> activities) {
        int day = plan.calendar().dayOf(date);
        PlanWindow window = PlanWindow.of(day);
        Phase phase = Phase.ofDay(day);
        if (window == null) {
            return new Today(date, day, phase, null, true, 0, null, null, 0, null, null, null, null, true, true, 0, null,
                    null, null, null);
        }
        List<LoggedActivity> inWindow = activities.stream()
                .filter(a -> window.contains(plan.calendar().dayOf(a.start())) && !plan.calendar().localDate(a.start()).isAfter(date))
                .toList();
        Set<LocalDate> runDays = new HashSet<>();
        Set<LocalDate> crossDays = new HashSet<>();
        double volume = 0;
        for (LoggedActivity activity : inWindow) {
            ActivityKind kind = activity.sport().kind();
            LocalDate on = plan.calendar().localDate(activity.start());
            if (kind == ActivityKind.RUN) {
                runDays.add(on);
                volume += activity.distanceMetres();
            } else if (kind == ActivityKind.CROSS_TRAINING || (kind == ActivityKind.WALK && phase != Phase.REST)) {
                crossDays.add(on);
            }
        }
        if (phase == Phase.COMPLETE) {
            return afterPlan(plan, date, day, window, activities, runDays.size(), volume, crossDays.size());
        }
        PhaseCaps caps = plan.caps().of(phase);
        boolean ranToday = runDays.contains(date);
        int runDaysUsed = runDays.size() - (ranToday ? 1 : 0);
        Double softLeft = left(caps.volumeSoftShare(), plan.peakWeekMetres(), volume);
        Double hardLeft = left(caps.volumeHardShare(), plan.peakWeekMetres(), volume);
        Double longest = caps.running() ? least(singleRunAllowed(caps), hardLeft) : Double.valueOf(0);
        boolean crossedToday = crossDays.contains(date);
        Integer crossLeft = caps.crossTrainingDaysMax() == null ? null
                : Math.max(0, caps.crossTrainingDaysMax() - (crossDays.size() - (crossedToday ? 1 : 0)));
        return new Today(date, day, phase, window, caps.running(), runDays.size(),
                caps.runDaysSoft() == null ? null : Math.max(0, caps.runDaysSoft() - runDaysUsed),
                caps.runDaysHard() == null ? null : Math.max(0, caps.runDaysHard() - runDaysUsed),
                volume, softLeft, hardLeft, longest, caps.runIntensityMax(), caps.strides(), caps.crossTraining(),
                crossDays.size(), caps.crossTraining() ? crossLeft : Integer.valueOf(0), caps.crossTrainingSessionMinutes(),
                caps.crossTrainingIntensityMax(), null);
    }

    private static Today afterPlan(PlanContext plan, LocalDate date, int day, PlanWindow window,
            List<LoggedActivity> activities, int runDays, double volume, int crossDays) {
        AfterPlanCaps caps = plan.caps().afterPlan();
        List<LoggedActivity> runs = activities.stream()
                .filter(a -> a.sport().kind() == ActivityKind.RUN && !plan.calendar().localDate(a.start()).isAfter(date))
                .sorted(Comparator.comparing(a -> a.start().toInstant()))
                .toList();
        double longest = runs.stream()
                .filter(r -> !plan.calendar().localDate(r.start()).isBefore(date.minusDays(30)))
                .mapToDouble(LoggedActivity::distanceMetres).max().orElse(0);
        Double jumpLimit = caps.singleRunJumpShare() == null || longest == 0 ? null : longest * (1 + caps.singleRunJumpShare());
        double ratio = RuleEngine.workloadRatio(plan.calendar(), runs, date);
        return new Today(date, day, Phase.COMPLETE, window, true, runDays, null, null, volume, null, null, jumpLimit,
                null, true, true, crossDays, null, null, null, Double.isFinite(ratio) ? Math.round(ratio * 100) / 100.0 : null);
    }

    private static Double singleRunAllowed(PhaseCaps caps) {
        if (caps.singleRunMetres() == null) {
            return null;
        }
        // "10 mi or more" crosses the cap, so the longest allowed is a metre short of it.
        return Boolean.TRUE.equals(caps.singleRunCapReached()) ? caps.singleRunMetres() - 1 : caps.singleRunMetres();
    }

    private static Double left(Double share, double peakWeek, double volume) {
        return share == null ? null : Math.max(0, RuleEngine.metres(share * peakWeek) - volume);
    }

    private static Double least(Double a, Double b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.min(a, b);
    }
}
