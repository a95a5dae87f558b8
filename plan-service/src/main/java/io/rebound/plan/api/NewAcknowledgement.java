package io.rebound.plan.api;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A PT's acknowledgement of an alert. */
public record NewAcknowledgement(
        @Size(max = 1000) @Schema(description = "Optional: what the PT did or will do about it") String note) {
}
