package io.rebound.web.chart;

import io.rebound.web.calendar.PlanCalendar;
import io.rebound.web.client.LedgerActivity;
import io.rebound.web.client.PhaseCaps;
import io.rebound.web.client.PlanView;
import io.rebound.web.client.WindowRunning;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The running of the window a runner is in today, from their activities and their plan's caps, in the same shape
 * as an alert's {@code running}, so the plan page draws the same chart the alerts do.
 */
public final class PlanWindows {

    private static final Set<String> RUNS = Set.of("run", "trail_run", "treadmill_run", "track_run");

    private PlanWindows() {
    }

    /** Empty before day 1 and after day 28: no window with caps to draw. */
    public static Optional<WindowRunning> current(PlanView plan, List<LedgerActivity> activities) {
        if (plan.today() == null || plan.raceDate() == null) {
            return Optional.empty();
        }
        int today = plan.today().day();
        if (today < 1 || today > PlanCalendar.LAST_PLAN_DAY) {
            return Optional.empty();
        }
        PlanCalendar.Phase phase = PlanCalendar.Phase.of(today);
        ZoneId zone = zone(plan.timeZone());
        int days = phase.lastDay() - phase.firstDay() + 1;
        List<Double> daily = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            daily.add(0.0);
        }
        for (LedgerActivity activity : activities) {
            if (activity.startTime() == null || !RUNS.contains(activity.sport())) {
                continue;
            }
            LocalDate local = activity.startTime().atZoneSameInstant(zone).toLocalDate();
            long day = ChronoUnit.DAYS.between(plan.raceDate(), local);
            if (day >= phase.firstDay() && day <= phase.lastDay()) {
                int index = (int) day - phase.firstDay();
                daily.set(index, daily.get(index) + activity.distanceMetres());
            }
        }
        PhaseCaps caps = plan.caps() == null || plan.caps().phases() == null ? null : plan.caps().phases().get(phase.name());
        double peak = plan.peakWeek() == null ? 0 : plan.peakWeek().metres();
        Double single = null;
        Double soft = null;
        Double hard = null;
        if (caps != null) {
            if (Boolean.FALSE.equals(caps.runningAllowed())) {
                single = 0.0;
                hard = 0.0;
            } else {
                single = caps.singleRunMetres();
                soft = caps.volumeSoftShare() == null || peak <= 0 ? null : caps.volumeSoftShare() * peak;
                hard = caps.volumeHardShare() == null || peak <= 0 ? null : caps.volumeHardShare() * peak;
            }
        }
        return Optional.of(new WindowRunning(phase.firstDay(), phase.lastDay(), daily, single, soft, hard));
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
