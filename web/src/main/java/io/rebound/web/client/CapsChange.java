package io.rebound.web.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** A PT's change to one runner's caps (PATCH /api/v1/plans/{runnerId}/caps): only the fields given change. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CapsChange(String changedBy, String reason, Map<String, PhaseCaps> phases, Boolean injured) {
}
