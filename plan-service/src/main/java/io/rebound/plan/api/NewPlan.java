package io.rebound.plan.api;

import io.rebound.events.DistanceUnit;
import io.rebound.plan.PlanRequest;
import io.rebound.support.security.PtIds;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A plan as a runner or PT creates it. */
public record NewPlan(
        @NotBlank @Size(max = 64)
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*",
                message = "must start with a letter or digit and use only letters, digits, '.', '_' and '-'")
        String runnerId,

        @NotNull @Schema(description = "The marathon's date, in the runner's zone; day 0 of the plan") LocalDate raceDate,

        @NotBlank @Schema(description = "The runner's IANA time zone, e.g. America/Chicago") String timeZone,

        @Valid @Schema(description = "The runner's highest 7-day running distance in the marathon block. Leave it out"
                + " to have it computed from the runs already logged in the 16 weeks before race day.")
        PeakWeek peakWeek,

        @Schema(description = "km or mi: the unit the runner reads distances in. Defaults to the peak week's unit.")
        DistanceUnit distanceUnit,

        @Min(100) @Max(240) @Schema(description = "Maximum heart rate in beats per minute, for heart-rate intensity")
        Integer maxHeartRate,

        @NotNull @Valid Person runner,

        @NotNull @Valid Therapist physicalTherapist) {

    /** The runner's highest 7-day running distance in the marathon block, in the unit they read. */
    public record PeakWeek(
            @NotNull @Positive @DecimalMax(value = "500", message = "must be at most 500") Double distance,
            @NotNull @Schema(description = "km or mi") DistanceUnit unit) {
    }

    /** @param timeZone unused for the runner (their zone is the plan's) */
    public record Person(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Email(regexp = ".+@.+\\..+", message = "must be an email address like name@example.org")
            @Size(max = 254) String email,
            @Size(max = 64) String timeZone) {
    }

    /**
     * @param timeZone the PT's IANA zone, where their daily digest goes out at 07:00 (default: the runner's)
     * @param id the PT's stable id, the subject of their token at the identity provider (default: derived from
     *     their email, see the docs/security.md)
     */
    public record Therapist(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Email(regexp = ".+@.+\\..+", message = "must be an email address like name@example.org")
            @Size(max = 254) String email,
            @Size(max = 64) String timeZone,
            @Size(max = 64)
            @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._@:-]*",
                    message = "must start with a letter or digit and use only letters, digits, '.', '_', '@', ':' and '-'")
            @Schema(description = "The PT's id: the subject of their token. Default: pt- and 20 hex digits of the"
                    + " SHA-256 of their lowercased email")
            String id) {

        /** The id given, else the one derived from the email. */
        public String ptId() {
            return PtIds.of(id, email);
        }
    }

    /** The unit for this runner's emails and API answers. */
    public DistanceUnit unit() {
        if (distanceUnit != null) {
            return distanceUnit;
        }
        return peakWeek != null ? peakWeek.unit() : null;
    }

    /** The plan to create; call once the request is checked. */
    public PlanRequest toDomain() {
        return new PlanRequest(runnerId, raceDate, timeZone,
                peakWeek == null ? null : peakWeek.unit().toMetres(peakWeek.distance()), unit(), maxHeartRate,
                runner.name(), runner.email(), physicalTherapist.name(), physicalTherapist.email(),
                physicalTherapist.timeZone(), physicalTherapist.ptId());
    }
}
