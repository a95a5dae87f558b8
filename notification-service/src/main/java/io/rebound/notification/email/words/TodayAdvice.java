package io.rebound.notification.email.words;

import io.rebound.events.DistanceUnit;
import io.rebound.events.OverloadAlertRaised;
import io.rebound.events.OverloadAlertRaised.TodayAllowance;
import io.rebound.events.Phase;

/**
 * The "what to do today" paragraph of a runner's email, in English: from the allowance plan-service worked out
 * for the runner's current date when it has one, otherwise from the phase alone.
 */
final class TodayAdvice {

    private TodayAdvice() {
    }

    static String of(OverloadAlertRaised alert) {
        TodayAllowance today = alert.today();
        return today == null ? forPhase(alert.phase()) : fromAllowance(today, alert.distanceUnit());
    }

    private static String fromAllowance(TodayAllowance today, DistanceUnit unit) {
        if (today.phase() == Phase.COMPLETE) {
            return today.longestRunMetres() == null
                    ? forPhase(Phase.COMPLETE)
                    : "Hold your running steady for a while. If you run today, keep it under %s: about 30%% more than"
                            .formatted(unit.format(today.longestRunMetres()))
                            + " your longest run of the last 30 days.";
        }
        if (!today.runningAllowed()) {
            return "No running today: your plan brings it back on day %d. ".formatted(Phase.REINTRODUCE.firstDay())
                    + crossTraining(today);
        }
        String lastDay = " through day " + today.phase().lastDay();
        if (isZero(today.runDaysLeft()) || isZero(today.distanceLeftMetres()) || isZero(today.longestRunMetres())) {
            String used = isZero(today.runDaysLeft()) ? "run days" : "running distance";
            return "Make today a rest day. You have used the %s this part of your plan allows%s. ".formatted(used, lastDay)
                    + crossTraining(today);
        }
        StringBuilder advice = new StringBuilder("If you run today, keep it relaxed");
        Double longest = least(today.longestRunMetres(), today.distanceLeftMetres());
        if (longest != null) {
            advice.append(" and under ").append(unit.format(longest));
        }
        advice.append('.');
        if (today.runDaysLeft() != null && today.distanceLeftMetres() != null) {
            advice.append(" You have %s and %s left%s.".formatted(runDays(today.runDaysLeft()),
                    unit.format(today.distanceLeftMetres()), lastDay));
        } else if (today.runDaysLeft() != null) {
            advice.append(" You have %s left%s.".formatted(runDays(today.runDaysLeft()), lastDay));
        } else if (today.distanceLeftMetres() != null) {
            advice.append(" You have %s of running left%s.".formatted(unit.format(today.distanceLeftMetres()), lastDay));
        }
        if (!today.stridesAllowed()) {
            advice.append(" Leave strides out for now.");
        }
        return advice.toString();
    }

    private static String crossTraining(TodayAllowance today) {
        if (!today.crossTrainingAllowed() || isZero(today.crossTrainingDaysLeft())) {
            return "Rest, or take a short, easy walk if you feel like moving.";
        }
        String length = today.crossTrainingMinutes() == null ? "" : " of up to " + today.crossTrainingMinutes() + " minutes";
        return "Easy cross-training is welcome instead: a gentle ride, swim or elliptical session%s, at a pace where you could chat."
                .formatted(length);
    }

    /** Said when plan-service gave no allowance for today (an older activity arriving late). */
    static String forPhase(Phase phase) {
        return switch (phase) {
            case PRE_PLAN, REST -> "Rest today. A short, easy walk is fine if you feel like moving; running and other"
                    + " training can wait for later in your plan.";
            case RECOVER -> "Leave running out for now. Easy cross-training is welcome instead: a gentle ride, swim or"
                    + " elliptical session of up to 40 minutes, at a pace where you could chat.";
            case REINTRODUCE -> "Make today a rest day or an easy cross-training day, and keep your next runs short,"
                    + " easy and on no more than three days this week.";
            case REBUILD -> "Take an easy day: rest, a walk or light cross-training. Let your next run be relaxed"
                    + " rather than long or hard.";
            case RESUME, COMPLETE -> "Take an easy day or two, and hold your running steady for a while before"
                    + " adding more.";
        };
    }

    private static String runDays(int count) {
        return count + (count == 1 ? " run day" : " run days");
    }

    private static boolean isZero(Number value) {
        return value != null && value.doubleValue() <= 0.5;
    }

    private static Double least(Double a, Double b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.min(a, b);
    }
}
