package io.rebound.web.runners;

import io.rebound.web.client.TodayView;
import io.rebound.web.format.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a runner stands today, in sentences and in their unit: whether they may run, how much is used and left of
 * this window's caps, and the same for cross-training.
 *
 * @param headline   one sentence: may they run today
 * @param running    the running lines ("Run days so far: 2 of 3")
 * @param crossTraining the cross-training lines
 */
public record TodayFacts(TodayView today, String phase, String headline, List<String> running, List<String> crossTraining,
        String usedShort, String leftShort) {

    public static TodayFacts of(TodayView today) {
        String unit = Units.code(today.unit());
        String phase = words(today.phase());
        TodayView.Running run = today.running();
        List<String> running = new ArrayList<>();
        String headline;
        String used;
        String left;
        if (run == null) {
            headline = "Nothing to show for today yet.";
            used = "";
            left = "";
        } else {
            if (!run.allowed()) {
                headline = "No running today: the plan keeps these days for rest.";
            } else if (run.longestRunAllowed() != null && run.longestRunAllowed() <= 0) {
                headline = "No more running in this window: its caps are used up.";
            } else if (run.longestRunAllowed() != null) {
                headline = "You can run today, up to " + Units.inUnit(run.longestRunAllowed(), unit) + ".";
            } else {
                headline = "You can run today.";
            }
            running.add("Run days so far in this window: " + run.runDaysSoFar()
                    + (run.runDaysLeftBeforeSoftCap() == null ? "" : ", " + run.runDaysLeftBeforeSoftCap() + " more within the plan"));
            running.add("Distance so far: " + Units.inUnit(run.distanceSoFar(), unit)
                    + (run.distanceLeftBeforeSoftCap() == null ? ""
                    : ", " + Units.inUnit(run.distanceLeftBeforeSoftCap(), unit) + " left before the cap"));
            if (run.allowed() && run.longestRunAllowed() != null && run.longestRunAllowed() > 0) {
                running.add("Longest run allowed today: " + Units.inUnit(run.longestRunAllowed(), unit));
            }
            if (run.allowed() && run.allowedIntensity() != null) {
                running.add(pace("Keep runs", run.allowedIntensity()) + (run.stridesOk() ? "; strides are fine." : "; no strides yet."));
            }
            used = run.runDaysSoFar() + " run day" + (run.runDaysSoFar() == 1 ? "" : "s") + ", "
                    + Units.inUnit(run.distanceSoFar(), unit);
            left = !run.allowed() ? "no running"
                    : (run.runDaysLeftBeforeSoftCap() == null ? "no day cap" : run.runDaysLeftBeforeSoftCap() + " run day"
                    + (run.runDaysLeftBeforeSoftCap() == 1 ? "" : "s")) + ", "
                    + (run.distanceLeftBeforeSoftCap() == null ? "no distance cap"
                    : Units.inUnit(run.distanceLeftBeforeSoftCap(), unit));
        }
        List<String> cross = new ArrayList<>();
        TodayView.CrossTraining ct = today.crossTraining();
        if (ct != null) {
            if (!ct.allowed()) {
                cross.add("No cross-training yet; short walks are fine.");
            } else {
                cross.add("Cross-training days so far: " + ct.daysSoFar()
                        + (ct.daysLeft() == null ? "" : ", " + ct.daysLeft() + " more within the plan"));
                if (ct.longestSessionMinutes() != null) {
                    cross.add("Longest session: " + ct.longestSessionMinutes() + " minutes");
                }
                if (ct.allowedIntensity() != null) {
                    cross.add(pace("Keep sessions", ct.allowedIntensity()) + ".");
                }
            }
        }
        return new TodayFacts(today, phase, headline, running, cross, used, left);
    }

    /** "Keep runs easy", "Keep runs easy or moderate"; hard is no limit. */
    static String pace(String what, String intensity) {
        return switch (intensity) {
            case "EASY" -> what + " easy";
            case "MODERATE" -> what + " easy or moderate";
            default -> what + " at any effort";
        };
    }

    static String words(String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        if (code.equals("PRE_PLAN")) {
            return "Before the plan";
        }
        String text = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
