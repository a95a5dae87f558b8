package io.rebound.web.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/** A plan as the clinic enrols a runner (POST /api/v1/plans). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewPlan(
        String runnerId,
        LocalDate raceDate,
        String timeZone,
        PeakWeek peakWeek,
        String distanceUnit,
        Person runner,
        Therapist physicalTherapist) {

    public record PeakWeek(Double distance, String unit) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Person(String name, String email) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Therapist(String name, String email, String timeZone, String id) {
    }
}
