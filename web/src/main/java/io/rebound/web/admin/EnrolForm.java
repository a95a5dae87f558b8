package io.rebound.web.admin;

import io.rebound.web.client.NewPlan;
import io.rebound.web.forms.FormErrors;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** The enrolment form: a runner, their PT and their race, turned into plan-service's NewPlan. */
public class EnrolForm {

    /** Where plan-service's field paths land in this form. */
    public static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("runnerId", "runnerId"),
            Map.entry("runner.name", "runnerName"),
            Map.entry("runner.email", "runnerEmail"),
            Map.entry("physicalTherapist.id", "ptId"),
            Map.entry("physicalTherapist.name", "ptName"),
            Map.entry("physicalTherapist.email", "ptEmail"),
            Map.entry("physicalTherapist.timeZone", "timeZone"),
            Map.entry("raceDate", "raceDate"),
            Map.entry("timeZone", "timeZone"),
            Map.entry("peakWeek.distance", "peakWeekDistance"),
            Map.entry("peakWeek.unit", "unit"),
            Map.entry("peakWeek", "peakWeekDistance"),
            Map.entry("distanceUnit", "unit"));

    @RestForm public String runnerId;
    @RestForm public String runnerName;
    @RestForm public String runnerEmail;
    @RestForm public String ptId;
    @RestForm public String ptName;
    @RestForm public String ptEmail;
    @RestForm public String raceDate;
    @RestForm public String timeZone;
    @RestForm public String peakWeekDistance;
    @RestForm public String unit;

    /** A parsed plan, or the errors to show. */
    public record Result(NewPlan plan, FormErrors errors) {
    }

    public Result parse() {
        Map<String, String> errors = new LinkedHashMap<>();
        required(errors, "runnerId", runnerId, "Give the runner's id: the user id they sign in with.");
        required(errors, "runnerName", runnerName, "Give the runner's name.");
        required(errors, "runnerEmail", runnerEmail, "Give the runner's email address.");
        required(errors, "ptName", ptName, "Give the physical therapist's name.");
        required(errors, "ptEmail", ptEmail, "Give the physical therapist's email address.");
        LocalDate race = null;
        try {
            race = LocalDate.parse(trim(raceDate));
        } catch (DateTimeException e) {
            errors.put("raceDate", "Give the date of the marathon.");
        }
        String zone = trim(timeZone);
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            errors.put("timeZone", "Choose the runner's time zone, such as America/Chicago.");
        }
        String code = trim(unit);
        if (!code.equals("km") && !code.equals("mi")) {
            errors.put("unit", "Choose km or mi.");
        }
        Double peak = null;
        String typed = trim(peakWeekDistance).replace(',', '.');
        if (!typed.isEmpty()) {
            try {
                peak = Double.parseDouble(typed);
                if (!(peak > 0 && peak <= 500)) {
                    errors.put("peakWeekDistance", "Give the peak week as a distance above 0 and at most 500.");
                    peak = null;
                }
            } catch (NumberFormatException e) {
                errors.put("peakWeekDistance", "Give the peak week as a number, for example 45.");
            }
        }
        if (!errors.isEmpty()) {
            return new Result(null, FormErrors.fields(errors));
        }
        String pt = trim(ptId);
        NewPlan plan = new NewPlan(trim(runnerId), race, zone, peak == null ? null : new NewPlan.PeakWeek(peak, code),
                peak == null ? code : null, new NewPlan.Person(trim(runnerName), trim(runnerEmail)),
                new NewPlan.Therapist(trim(ptName), trim(ptEmail), null, pt.isEmpty() ? null : pt));
        return new Result(plan, FormErrors.none());
    }

    private static void required(Map<String, String> errors, String field, String value, String message) {
        if (trim(value).isEmpty()) {
            errors.put(field, message);
        }
    }

    static String trim(String value) {
        return value == null ? "" : value.strip();
    }
}
