package io.rebound.plan.alerts;

import io.rebound.events.ActivityKind;
import io.rebound.events.OverloadAlertRaised.TodayAllowance;
import io.rebound.events.OverloadAlertRaised.WindowRunning;
import io.rebound.events.Phase;
import io.rebound.plan.rules.LoggedActivity;
import io.rebound.plan.rules.PhaseCaps;
import io.rebound.plan.rules.PlanContext;
import io.rebound.plan.rules.PlanWindow;
import io.rebound.plan.rules.RuleEngine;
import io.rebound.plan.rules.Today;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What an alert carries besides the finding, so the emails can say what to do today and draw the window: the
 * runner's allowance on their current date, and the window's running day by day against its caps.
 */
final class AlertGuidance {

    private AlertGuidance() {
    }

    /**
     * The allowance on {@code today} (the runner's local date), or null when that date is not in the window: an
     * alert about an old activity cannot speak for a day whose window was not read.
     *
     * @param activities the window's activities, and after day 28 the lookback too
     */
    static TodayAllowance today(PlanContext plan, PlanWindow window, LocalDate today, List<LoggedActivity> activities) {
        if (!window.contains(plan.calendar().dayOf(today))) {
            return null;
        }
        Today allowed = Today.of(plan, today, activities);
        return new TodayAllowance(allowed.date(), allowed.day(), allowed.phase(), allowed.runningAllowed(),
                tenths(allowed.longestRunMetres()), allowed.runDaysLeftBeforeSoftCap(),
                tenths(allowed.distanceLeftBeforeSoftCapMetres()), allowed.stridesAllowed(),
                allowed.crossTrainingAllowed(), allowed.crossTrainingSessionMinutes(), allowed.crossTrainingDaysLeft());
    }

    /** Running per plan day of the window, with the window's single-run and volume caps (none after day 28). */
    static WindowRunning running(PlanContext plan, PlanWindow window, List<LoggedActivity> activities) {
        double[] daily = new double[window.lastDay() - window.firstDay() + 1];
        for (LoggedActivity activity : activities) {
            int day = plan.calendar().dayOf(activity.start());
            if (activity.sport().kind() == ActivityKind.RUN && window.contains(day)) {
                daily[day - window.firstDay()] += activity.distanceMetres();
            }
        }
        List<Double> metres = new ArrayList<>(daily.length);
        for (double value : daily) {
            metres.add(tenths(value));
        }
        if (window.phase() == Phase.COMPLETE) {
            return new WindowRunning(window.firstDay(), window.lastDay(), metres, null, null, null);
        }
        PhaseCaps caps = plan.caps().of(window.phase());
        Double singleRun = Boolean.FALSE.equals(caps.runningAllowed()) ? Double.valueOf(0) : caps.singleRunMetres();
        return new WindowRunning(window.firstDay(), window.lastDay(), metres, singleRun,
                volume(caps.volumeSoftShare(), plan), volume(caps.volumeHardShare(), plan));
    }

    private static Double volume(Double share, PlanContext plan) {
        return share == null ? null : (double) RuleEngine.metres(share * plan.peakWeekMetres());
    }

    private static Double tenths(Double metres) {
        return metres == null ? null : Math.round(metres * 10) / 10.0;
    }
}
