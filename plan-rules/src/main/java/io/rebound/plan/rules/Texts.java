package io.rebound.plan.rules;

import io.rebound.events.DistanceUnit;
import io.rebound.events.Phase;
import java.util.Locale;

/** The one line that names a rule in an alert, with its limit in the runner's unit. */
record Texts(DistanceUnit unit, PlanWindow window) {

    String noRunning() {
        boolean firstWeek = window.phase() == Phase.REST || window.phase() == Phase.RECOVER;
        return firstWeek ? "no running in days 1-7" : "no running in " + days();
    }

    String runDays(int cap) {
        return "at most " + cap + " run days in " + days();
    }

    String singleRun(double capMetres, boolean reached) {
        return (reached ? "every run shorter than " : "no single run over ") + unit.format(capMetres) + " in " + days();
    }

    String volume(double share, long capMetres) {
        return String.format(Locale.ROOT, "at most %d%% of your peak week (%s) of running in %s", Math.round(share * 100),
                unit.format(capMetres), days());
    }

    String runIntensity(Intensity max) {
        return "runs no harder than " + word(max) + " in " + days();
    }

    String strides() {
        return "no strides before day " + Phase.REBUILD.firstDay();
    }

    String noCrossTraining() {
        return "no cross-training in " + days() + " (walks are fine)";
    }

    String crossTrainingDays(int max) {
        return "at most " + max + " cross-training days in " + days();
    }

    String crossTrainingSession(int minutes) {
        return "cross-training sessions of at most " + minutes + " minutes in " + days();
    }

    String crossTrainingIntensity(Intensity max) {
        return "cross-training no harder than " + word(max) + " in " + days();
    }

    String deepMassage() {
        return "no deep-tissue massage in " + days();
    }

    String ratio(double threshold) {
        return String.format(Locale.ROOT, "an acute:chronic workload ratio of at most %.2f", threshold);
    }

    String jump(double share) {
        return String.format(Locale.ROOT, "no run more than %d%% longer than your longest of the last 30 days",
                Math.round(share * 100));
    }

    private String days() {
        return "days " + window.firstDay() + "-" + window.lastDay();
    }

    private static String word(Intensity intensity) {
        return intensity.name().toLowerCase(Locale.ROOT);
    }
}
