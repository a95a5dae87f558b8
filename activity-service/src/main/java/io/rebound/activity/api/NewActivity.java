package io.rebound.activity.api;

import io.rebound.activity.ActivityInput;
import io.rebound.events.MassageDepth;
import io.rebound.events.Sport;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An activity as a runner's app posts it. */
public record NewActivity(
        @NotBlank @Size(max = 64) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE)
        @Schema(examples = "runner-42") String runnerId,

        @NotNull @Schema(description = "run, trail_run, treadmill_run, track_run, walk, hike, ride, swim, elliptical, row,"
                + " yoga, pilates, strength, massage or other") Sport sport,

        @NotNull @Schema(description = "When it started, ISO-8601 with the offset, e.g. 2026-11-03T07:15:00-06:00")
        OffsetDateTime startTime,

        @NotNull @Min(value = 1, message = "must be at least 1 second")
        @Max(value = 86_400, message = "must be at most 86400 seconds (24 hours)") Long durationSeconds,

        @NotNull @PositiveOrZero @DecimalMax(value = "500000", message = "must be at most 500000 metres")
        Double distanceMetres,

        @Min(1) @Max(10) @Schema(description = "Rate of perceived exertion, 1 (very easy) to 10 (maximal)")
        Integer perceivedEffort,

        @Min(20) @Max(250) @Schema(description = "Average heart rate in beats per minute") Integer averageHeartRate,

        @Schema(description = "True when the run included strides (short fast bursts); only runs may say true")
        Boolean strides,

        @Schema(description = "For a massage only: light or deep") MassageDepth massageDepth) {

    /** The facts to record; call once the request is checked, when its duration and distance are known to be given. */
    public ActivityInput toDomain() {
        return new ActivityInput(runnerId, sport, startTime, durationSeconds, distanceMetres, perceivedEffort,
                averageHeartRate, strides, massageDepth);
    }
}
