package io.rebound.web.alerts;

import io.rebound.web.chart.WindowChart;
import io.rebound.web.client.AlertView;
import io.rebound.web.format.Units;
import java.util.Locale;

/** An alert's numbers in words and in the runner's unit, ready for a page. */
public record AlertFacts(
        AlertView alert,
        String unit,
        String severity,
        String phase,
        String limit,
        String actual,
        String activity,
        String dailyChart,
        String totalChart) {

    public static AlertFacts of(AlertView alert) {
        String unit = Units.code(alert.distanceUnit());
        String activity = null;
        if (alert.activity() != null) {
            AlertView.Activity a = alert.activity();
            StringBuilder text = new StringBuilder(words(a.sport()));
            if (a.distanceMetres() != null && a.distanceMetres() > 0) {
                text.append(", ").append(Units.distance(a.distanceMetres(), unit));
            }
            if (a.durationSeconds() != null) {
                text.append(", ").append(Units.duration(a.durationSeconds()));
            }
            activity = text.toString();
        }
        String daily = null;
        String total = null;
        if (alert.running() != null && alert.running().dailyRunMetres() != null) {
            WindowChart chart = new WindowChart(alert.running(), unit, alert.day() == null ? Integer.MIN_VALUE : alert.day(),
                    "alert-chart");
            daily = chart.dailySvg();
            total = chart.totalSvg();
        }
        return new AlertFacts(alert, unit, words(alert.severity()), words(alert.phase()),
                Units.quantity(alert.limit(), alert.quantity(), unit), Units.quantity(alert.actual(), alert.quantity(), unit),
                activity, daily, total);
    }

    public String severityClass() {
        return alert.severity() == null ? "" : alert.severity().toLowerCase(Locale.ROOT);
    }

    /** "New", "Acknowledged" or "Withdrawn". */
    public String stateText() {
        return alert.withdrawn() ? "Withdrawn" : alert.acknowledged() ? "Acknowledged" : "New";
    }

    public String stateClass() {
        return alert.withdrawn() ? "state-withdrawn" : alert.acknowledged() ? "is-acknowledged" : "is-open";
    }

    public String runnerName() {
        return alert.runnerName() == null || alert.runnerName().isBlank() ? alert.runnerId() : alert.runnerName();
    }

    static String words(String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        String text = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
