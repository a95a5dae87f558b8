package io.rebound.web.format;

import java.util.Locale;

/**
 * Distances, durations and an alert's numbers as a runner reads them. Everything inside is metres and seconds; the
 * runner's unit (km or mi) only chooses how a number is written.
 */
public final class Units {

    public static final double METRES_PER_KM = 1000.0;
    public static final double METRES_PER_MI = 1609.344;

    private Units() {
    }

    /** Metres in one of the unit given: "km" (also the default for anything unknown) or "mi". */
    public static double metresPer(String unit) {
        return "mi".equalsIgnoreCase(unit) ? METRES_PER_MI : METRES_PER_KM;
    }

    /** "km" or "mi", lower case; km for anything else. */
    public static String code(String unit) {
        return "mi".equalsIgnoreCase(unit) ? "mi" : "km";
    }

    /** The amount in the unit, at most one decimal, no trailing ".0": 6 mi is "6", 9.66 km is "9.7". */
    public static String amount(double metres, String unit) {
        double value = metres / metresPer(unit);
        if (value > 0 && value < 0.05) {
            return "<0.1";
        }
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }

    /** A distance with its unit, e.g. "6 mi" or "9.7 km". */
    public static String distance(double metres, String unit) {
        return amount(metres, unit) + " " + code(unit);
    }

    /** A distance already in the unit (as plan-service's today gives them), e.g. "3.1 mi". */
    public static String inUnit(double amount, String unit) {
        return distance(amount * metresPer(unit), unit);
    }

    /** A distance typed into a form in the unit, as metres; throws with a message for a person when it is not one. */
    public static double parseToMetres(String typed, String unit) {
        if (typed == null || typed.isBlank()) {
            throw new IllegalArgumentException("Enter a distance in " + code(unit) + ", for example 5.5.");
        }
        double value;
        try {
            value = Double.parseDouble(typed.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + typed.trim() + "\" is not a number; enter a distance in "
                    + code(unit) + ", for example 5.5.");
        }
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException("Enter a distance of 0 " + code(unit) + " or more.");
        }
        return value * metresPer(unit);
    }

    /** A duration for people: "45 min", "1 h 05 min", "30 s". */
    public static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = Math.round(seconds / 60.0);
        if (minutes < 60) {
            return minutes + " min";
        }
        return String.format(Locale.ROOT, "%d h %02d min", minutes / 60, minutes % 60);
    }

    /**
     * An alert's limit or actual value in words, by what it counts (the alert's {@code quantity}): "6 mi",
     * "4 run days", "45 min", "1.42", "moderate".
     */
    public static String quantity(Double value, String quantity, String unit) {
        if (value == null) {
            return "none";
        }
        double v = value;
        switch (quantity == null ? "" : quantity) {
            case "METRES":
                return distance(v, unit);
            case "SECONDS":
                return duration(Math.round(v));
            case "RATIO":
                return String.format(Locale.ROOT, "%.2f", v);
            case "RUN_DAYS":
                return count(v, "run day", "run days");
            case "DAYS":
                return count(v, "day", "days");
            case "RUNS":
                return count(v, "run", "runs");
            case "SESSIONS":
                return count(v, "session", "sessions");
            case "INTENSITY":
                long level = Math.round(v);
                return level <= 0 ? "easy" : level == 1 ? "moderate" : "hard";
            default:
                return whole(v);
        }
    }

    private static String count(double value, String one, String many) {
        return whole(value) + " " + (value == 1 ? one : many);
    }

    private static String whole(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }

    /** A share of the peak week as a percentage, e.g. 0.25 is "25%", 0.125 is "12.5%". */
    public static String percent(Double share) {
        if (share == null) {
            return "none";
        }
        String text = String.format(Locale.ROOT, "%.1f", share * 100);
        return (text.endsWith(".0") ? text.substring(0, text.length() - 2) : text) + "%";
    }
}
