package io.rebound.plan.rules;

import io.rebound.events.Phase;

/**
 * A stretch of plan days that caps are counted over: the five phases of days 1-28, then 7-day blocks from day 29
 * on (29-35, 36-42, ...) for the after-day-28 rules. An alert is raised once per window and rule.
 */
public record PlanWindow(Phase phase, int firstDay, int lastDay) {

    private static final int BLOCK = 7;

    /** The window holding this plan day, or null for race day and before (history, counted by no cap). */
    public static PlanWindow of(int day) {
        Phase phase = Phase.ofDay(day);
        return switch (phase) {
            case PRE_PLAN -> null;
            case COMPLETE -> {
                int first = Phase.COMPLETE.firstDay() + (day - Phase.COMPLETE.firstDay()) / BLOCK * BLOCK;
                yield new PlanWindow(phase, first, first + BLOCK - 1);
            }
            default -> new PlanWindow(phase, phase.firstDay(), phase.lastDay());
        };
    }

    /** Names the window in alert ids: the phase, and for blocks after day 28 the first day too. */
    public String key() {
        return phase == Phase.COMPLETE ? phase + "-" + firstDay : phase.name();
    }

    public boolean contains(int day) {
        return day >= firstDay && day <= lastDay;
    }

    public String describe() {
        return phase == Phase.COMPLETE ? "days " + firstDay + "-" + lastDay : phase.describe();
    }
}
