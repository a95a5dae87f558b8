package io.rebound.plan.rules;

/**
 * How hard an activity was (docs/domain.md "Intensity"), from the first source present: perceived effort, then
 * average heart rate as a share of the runner's maximum, else UNKNOWN, which never raises a finding.
 */
public enum Intensity {
    EASY,
    MODERATE,
    HARD,
    UNKNOWN;

    public static Intensity of(LoggedActivity activity, Integer maxHeartRate) {
        Integer effort = activity.perceivedEffort();
        if (effort != null) {
            return effort <= 4 ? EASY : effort <= 6 ? MODERATE : HARD;
        }
        Integer heartRate = activity.averageHeartRate();
        if (heartRate != null && maxHeartRate != null && maxHeartRate > 0) {
            long percent = Math.round(heartRate * 100.0 / maxHeartRate);
            return percent <= 75 ? EASY : percent <= 85 ? MODERATE : HARD;
        }
        return UNKNOWN;
    }

    /** True when this is known and harder than {@code allowed}; an unset cap allows anything. */
    public boolean above(Intensity allowed) {
        return allowed != null && this != UNKNOWN && ordinal() > allowed.ordinal();
    }
}
