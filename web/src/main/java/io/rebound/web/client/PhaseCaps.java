package io.rebound.web.client;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The caps of one phase, as plan-service stores them; in a change, null means "keep". Metres and shares (0.2 = 20%). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PhaseCaps(
        Boolean runningAllowed,
        Integer runDaysSoft,
        Integer runDaysHard,
        Double singleRunMetres,
        Boolean singleRunCapReached,
        Double volumeSoftShare,
        Double volumeHardShare,
        String runIntensityMax,
        Boolean stridesAllowed,
        Boolean crossTrainingAllowed,
        Integer crossTrainingDaysMax,
        Integer crossTrainingSessionMinutes,
        String crossTrainingIntensityMax,
        Boolean deepMassageAdvisory) {
}
