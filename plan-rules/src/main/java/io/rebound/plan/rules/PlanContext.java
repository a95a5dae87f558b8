package io.rebound.plan.rules;

import io.rebound.events.DistanceUnit;

/**
 * What the rules know of a plan.
 *
 * @param maxHeartRate the runner's maximum heart rate, when known; heart-rate intensity needs it
 * @param unit         the runner's unit, for the rule texts
 */
public record PlanContext(PlanCalendar calendar, double peakWeekMetres, Integer maxHeartRate, Caps caps, DistanceUnit unit) {
}
