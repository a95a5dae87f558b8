package io.rebound.plan.rules;

import io.rebound.events.ActivityKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The peak week when nobody gave it (docs/domain.md "Volume"): the highest 7-day running distance before race day. */
public final class PeakWeek {

    /** How far back the marathon block reaches: 16 weeks before race day. */
    public static final int BLOCK_DAYS = 16 * 7;

    private PeakWeek() {
    }

    /** The highest sum of running distance over 7 consecutive local days in the block; 0 without runs. */
    public static double highestSevenDays(PlanCalendar calendar, List<LoggedActivity> activities) {
        Map<LocalDate, Double> daily = new TreeMap<>();
        LocalDate first = calendar.raceDate().minusDays(BLOCK_DAYS);
        for (LoggedActivity activity : activities) {
            LocalDate date = calendar.localDate(activity.start());
            if (activity.sport().kind() == ActivityKind.RUN && !date.isBefore(first) && date.isBefore(calendar.raceDate())) {
                daily.merge(date, activity.distanceMetres(), Double::sum);
            }
        }
        double best = 0;
        for (LocalDate start = first; start.isBefore(calendar.raceDate()); start = start.plusDays(1)) {
            double week = 0;
            for (int i = 0; i < 7; i++) {
                week += daily.getOrDefault(start.plusDays(i), 0.0);
            }
            best = Math.max(best, week);
        }
        return best;
    }
}
