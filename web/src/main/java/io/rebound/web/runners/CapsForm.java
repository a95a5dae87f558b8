package io.rebound.web.runners;

import io.rebound.web.client.CapsChange;
import io.rebound.web.client.PhaseCaps;
import io.rebound.web.format.Units;
import io.rebound.web.forms.FormErrors;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The caps editor as sent: one phase's caps, each left empty to keep it, and the reason. Shares are typed as
 * percentages of the peak week, the single-run cap in the runner's unit; plan-service gets shares and metres.
 */
public record CapsForm(String phase, String runDaysSoft, String runDaysHard, String singleRunDistance,
        String volumeSoftShare, String volumeHardShare, String crossTrainingDaysMax, String crossTrainingSessionMinutes,
        String injured, String reason) {

    public static final Set<String> PHASES = Set.of("REST", "RECOVER", "REINTRODUCE", "REBUILD", "RESUME");
    static final int REASON_MAX = 500;

    /** Where plan-service's field paths land in this form. */
    public static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("reason", "reason"),
            Map.entry("changedBy", "reason"),
            Map.entry("injured", "injured"),
            Map.entry("runDaysSoft", "runDaysSoft"),
            Map.entry("runDaysHard", "runDaysHard"),
            Map.entry("singleRunMetres", "singleRunDistance"),
            Map.entry("volumeSoftShare", "volumeSoftShare"),
            Map.entry("volumeHardShare", "volumeHardShare"),
            Map.entry("crossTrainingDaysMax", "crossTrainingDaysMax"),
            Map.entry("crossTrainingSessionMinutes", "crossTrainingSessionMinutes"));

    public static CapsForm empty(String phase) {
        return new CapsForm(phase, "", "", "", "", "", "", "", "", "");
    }

    /** A parsed change, or the errors to show. */
    public record Result(CapsChange change, FormErrors errors) {
    }

    public Result parse(String changedBy, String unit) {
        Map<String, String> errors = new LinkedHashMap<>();
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            errors.put("reason", "Say why, in a sentence: it goes into the change history.");
        } else if (why.length() > REASON_MAX) {
            errors.put("reason", "Keep the reason to " + REASON_MAX + " characters or fewer (it has " + why.length() + ").");
        }
        Integer daysSoft = whole(errors, "runDaysSoft", runDaysSoft, 0);
        Integer daysHard = whole(errors, "runDaysHard", runDaysHard, 0);
        Integer crossDays = whole(errors, "crossTrainingDaysMax", crossTrainingDaysMax, 0);
        Integer crossMinutes = whole(errors, "crossTrainingSessionMinutes", crossTrainingSessionMinutes, 1);
        Double softShare = percent(errors, "volumeSoftShare", volumeSoftShare);
        Double hardShare = percent(errors, "volumeHardShare", volumeHardShare);
        Double single = null;
        if (!blank(singleRunDistance)) {
            try {
                single = Units.parseToMetres(singleRunDistance, unit);
                if (single <= 0) {
                    errors.put("singleRunDistance", "Enter a distance above 0 " + Units.code(unit) + ".");
                    single = null;
                }
            } catch (IllegalArgumentException e) {
                errors.put("singleRunDistance", e.getMessage());
            }
        }
        Boolean injuredFlag = switch (injured == null ? "" : injured.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> Boolean.TRUE;
            case "false", "no" -> Boolean.FALSE;
            default -> null;
        };
        boolean anyCap = daysSoft != null || daysHard != null || crossDays != null || crossMinutes != null
                || softShare != null || hardShare != null || single != null;
        Map<String, PhaseCaps> phases = null;
        if (anyCap) {
            if (phase == null || !PHASES.contains(phase)) {
                errors.put("phase", "Choose the phase whose caps change.");
            } else {
                phases = Map.of(phase, new PhaseCaps(null, daysSoft, daysHard, single, null, softShare, hardShare, null,
                        null, null, crossDays, crossMinutes, null, null));
            }
        } else if (injuredFlag == null) {
            return new Result(null, FormErrors.of(errors, java.util.List.of("Nothing to change: fill in at least one cap.")));
        }
        if (!errors.isEmpty()) {
            return new Result(null, FormErrors.fields(errors));
        }
        String by = changedBy == null || changedBy.isBlank() ? "the clinic" : changedBy.strip();
        if (by.length() > 100) {
            by = by.substring(0, 100);
        }
        return new Result(new CapsChange(by, why, phases, injuredFlag), FormErrors.none());
    }

    private static Integer whole(Map<String, String> errors, String field, String typed, int min) {
        if (blank(typed)) {
            return null;
        }
        try {
            int value = Integer.parseInt(typed.strip());
            if (value < min) {
                errors.put(field, "Enter a whole number of " + min + " or more.");
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            errors.put(field, "Enter a whole number, for example 3 (got \"" + typed.strip() + "\").");
            return null;
        }
    }

    /** A percentage of the peak week as the share plan-service takes: "15" is 0.15. */
    private static Double percent(Map<String, String> errors, String field, String typed) {
        if (blank(typed)) {
            return null;
        }
        try {
            double value = Double.parseDouble(typed.strip().replace("%", "").replace(',', '.').strip());
            if (!(value > 0 && value <= 200)) {
                errors.put(field, "Enter a percentage of the peak week above 0 and at most 200, for example 15.");
                return null;
            }
            return Math.round(value * 100) / 10000.0;
        } catch (NumberFormatException e) {
            errors.put(field, "Enter a percentage of the peak week, for example 15 (got \"" + typed.strip() + "\").");
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
