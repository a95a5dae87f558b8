package io.rebound.web.runners;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebound.web.client.CapsChange;
import io.rebound.web.client.PhaseCaps;
import org.junit.jupiter.api.Test;

class CapsFormTest {

    @Test
    void percentagesBecomeSharesAndTheRunnersUnitBecomesMetres() {
        CapsForm form = new CapsForm("REINTRODUCE", "2", "", "4", "", "15", "", "", "", "Knee pain after day 8");

        CapsForm.Result result = form.parse("Dr. Ortiz", "mi");

        assertThat(result.errors().any()).isFalse();
        CapsChange change = result.change();
        assertThat(change.changedBy()).isEqualTo("Dr. Ortiz");
        assertThat(change.reason()).isEqualTo("Knee pain after day 8");
        assertThat(change.injured()).isNull();
        PhaseCaps caps = change.phases().get("REINTRODUCE");
        assertThat(caps.runDaysSoft()).isEqualTo(2);
        assertThat(caps.runDaysHard()).isNull();
        assertThat(caps.volumeHardShare()).isEqualTo(0.15);
        assertThat(caps.volumeSoftShare()).isNull();
        assertThat(caps.singleRunMetres()).isEqualTo(4 * 1609.344);
    }

    @Test
    void aReasonIsRequired() {
        CapsForm.Result result = new CapsForm("REBUILD", "3", "", "", "", "", "", "", "", "  ").parse("PT", "km");

        assertThat(result.change()).isNull();
        assertThat(result.errors().get("reason")).startsWith("Say why");
    }

    @Test
    void eachBadValueIsNamedAtItsInput() {
        CapsForm.Result result = new CapsForm("REBUILD", "three", "-1", "x", "0", "250", "", "0", "", "why").parse("PT", "km");

        assertThat(result.errors().byField().keySet()).containsExactlyInAnyOrder("runDaysSoft", "runDaysHard",
                "singleRunDistance", "volumeSoftShare", "volumeHardShare", "crossTrainingSessionMinutes");
        assertThat(result.errors().get("runDaysSoft")).isEqualTo("Enter a whole number, for example 3 (got \"three\").");
    }

    @Test
    void markingInjuredNeedsNoCaps() {
        CapsForm.Result result = new CapsForm(null, null, null, null, null, null, null, null, "true", "Calf strain")
                .parse("PT", "km");

        assertThat(result.change().injured()).isTrue();
        assertThat(result.change().phases()).isNull();
    }

    @Test
    void anEmptyFormChangesNothing() {
        CapsForm.Result result = CapsForm.empty("REBUILD").parse("PT", "km");
        assertThat(result.change()).isNull();
        assertThat(result.errors().general()).containsExactly("Nothing to change: fill in at least one cap.");
        assertThat(result.errors().has("reason")).isTrue();
    }

    @Test
    void plansServicesFieldPathsFindTheFormsInputs() {
        assertThat(io.rebound.web.forms.FormErrors.from(new io.rebound.web.client.ApiProblem(null, "Invalid", 400, null,
                java.util.List.of(new io.rebound.web.client.ApiProblem.FieldError("phases.REBUILD.singleRunMetres", "must be more than 0"))),
                CapsForm.FIELDS).get("singleRunDistance")).isEqualTo("Must be more than 0.");
    }
}
