package io.rebound.web.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/** An activity as activity-service takes it (PUT to correct one). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActivityInput(
        String runnerId,
        String sport,
        OffsetDateTime startTime,
        Long durationSeconds,
        Double distanceMetres,
        Integer perceivedEffort,
        Integer averageHeartRate,
        Boolean strides,
        String massageDepth) {
}
