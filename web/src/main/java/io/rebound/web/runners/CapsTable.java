package io.rebound.web.runners;

import io.rebound.web.client.PhaseCaps;
import io.rebound.web.client.PlanView;
import io.rebound.web.format.Units;
import java.util.ArrayList;
import java.util.List;

/** A runner's caps now, one row per phase, in words and in the runner's unit. */
public record CapsTable(List<Row> rows) {

    static final List<String> PHASES = List.of("REST", "RECOVER", "REINTRODUCE", "REBUILD", "RESUME");

    public record Row(String phase, String title, String runDays, String singleRun, String volume, String crossTraining) {
    }

    public static CapsTable of(PlanView.Caps caps, double peakWeekMetres, String unit) {
        List<Row> rows = new ArrayList<>();
        if (caps == null || caps.phases() == null) {
            return new CapsTable(rows);
        }
        for (String phase : PHASES) {
            PhaseCaps c = caps.phases().get(phase);
            if (c == null) {
                continue;
            }
            boolean running = !Boolean.FALSE.equals(c.runningAllowed());
            String runDays = !running ? "no running" : c.runDaysSoft() == null && c.runDaysHard() == null ? "no cap"
                    : "warn above " + orDash(c.runDaysSoft()) + ", overload above " + orDash(c.runDaysHard());
            String single = !running ? "no running" : c.singleRunMetres() == null ? "no cap"
                    : Units.distance(c.singleRunMetres(), unit);
            String volume = !running ? "no running" : c.volumeSoftShare() == null && c.volumeHardShare() == null ? "no cap"
                    : share("warn above", c.volumeSoftShare(), peakWeekMetres, unit)
                    + (c.volumeSoftShare() != null && c.volumeHardShare() != null ? ", " : "")
                    + share("overload above", c.volumeHardShare(), peakWeekMetres, unit);
            String cross = Boolean.FALSE.equals(c.crossTrainingAllowed()) ? "none (walks are fine)"
                    : (c.crossTrainingDaysMax() == null ? "any days" : "up to " + c.crossTrainingDaysMax() + " days")
                    + (c.crossTrainingSessionMinutes() == null ? "" : ", " + c.crossTrainingSessionMinutes() + " min a session");
            rows.add(new Row(phase, title(phase), runDays, single, volume, cross));
        }
        return new CapsTable(rows);
    }

    private static String share(String words, Double share, double peak, String unit) {
        if (share == null) {
            return "";
        }
        return words + " " + Units.percent(share) + (peak > 0 ? " (" + Units.distance(share * peak, unit) + ")" : "");
    }

    private static String orDash(Integer value) {
        return value == null ? "-" : value.toString();
    }

    static String title(String phase) {
        return phase.charAt(0) + phase.substring(1).toLowerCase();
    }
}
