package io.rebound.web.forms;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebound.web.client.ApiProblem;
import io.rebound.web.client.ApiProblem.FieldError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormErrorsTest {

    private static final Map<String, String> ENROL = Map.of("runnerId", "runnerId", "runner.email", "runnerEmail",
            "physicalTherapist.email", "ptEmail", "peakWeek.distance", "peakWeekDistance");

    @Test
    void eachFieldTheServiceNamesLandsNextToItsInput() {
        ApiProblem problem = new ApiProblem("about:blank", "Invalid request", 400, "2 fields are invalid", List.of(
                new FieldError("runner.email", "must be an email address like name@example.org"),
                new FieldError("peakWeek.distance", "must be at most 500")));

        FormErrors errors = FormErrors.from(problem, ENROL);

        assertThat(errors.get("runnerEmail")).isEqualTo("Must be an email address like name@example.org.");
        assertThat(errors.get("peakWeekDistance")).isEqualTo("Must be at most 500.");
        assertThat(errors.has("ptEmail")).isFalse();
        assertThat(errors.general()).isEmpty();
        assertThat(errors.any()).isTrue();
    }

    @Test
    void aNestedPathFindsTheInputNamedByItsEnd() {
        ApiProblem problem = new ApiProblem(null, "Invalid request", 400, null, List.of(
                new FieldError("phases.REBUILD.runDaysSoft", "must not be above runDaysHard (5 > 4)"),
                new FieldError("phases.REBUILD.singleRunMetres", "must be more than 0")));

        FormErrors errors = FormErrors.from(problem, Map.of("runDaysSoft", "runDaysSoft", "singleRunMetres", "singleRunDistance"));

        assertThat(errors.get("runDaysSoft")).isEqualTo("Must not be above runDaysHard (5 > 4).");
        assertThat(errors.get("singleRunDistance")).isEqualTo("Must be more than 0.");
    }

    @Test
    void aFieldTheFormDoesNotHaveGoesAboveTheForm() {
        ApiProblem problem = new ApiProblem(null, "Invalid request", 422, null,
                List.of(new FieldError("maxHeartRate", "must be at least 100")));

        FormErrors errors = FormErrors.from(problem, ENROL);

        assertThat(errors.byField()).isEmpty();
        assertThat(errors.general()).containsExactly("maxHeartRate Must be at least 100.");
    }

    @Test
    void aConflictWithoutFieldsShowsItsDetail() {
        ApiProblem problem = new ApiProblem(null, "Conflict", 409, "runner r-1 already has a plan", null);

        FormErrors errors = FormErrors.from(problem, ENROL);

        assertThat(errors.general()).containsExactly("Runner r-1 already has a plan.");
        assertThat(errors.byField()).isEmpty();
    }

    @Test
    void withNeitherFieldsNorDetailTheTitleIsShown() {
        assertThat(FormErrors.from(new ApiProblem(null, "Conflict", 409, " ", List.of()), ENROL).general())
                .containsExactly("Conflict.");
    }

    @Test
    void twoMessagesForOneInputAreBothShown() {
        ApiProblem problem = new ApiProblem(null, "Invalid", 400, null, List.of(
                new FieldError("quietHours.from", "must be a time"), new FieldError("quietHours", "needs an end")));

        FormErrors errors = FormErrors.from(problem, Map.of("quietHours.from", "quietFrom", "quietHours", "quietFrom"));

        assertThat(errors.get("quietFrom")).isEqualTo("Must be a time. Needs an end.");
    }

    @Test
    void noErrorsIsNothingToShow() {
        assertThat(FormErrors.none().any()).isFalse();
        assertThat(FormErrors.none().get("x")).isNull();
    }
}
