package io.rebound.plan.api;

import io.rebound.events.Phase;
import io.rebound.plan.CapsEdit;
import io.rebound.plan.rules.AfterPlanCaps;
import io.rebound.plan.rules.PhaseCaps;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A PT's change to one runner's caps. Only the fields given change; the rest keep their value.
 *
 * @param phases    per phase (REST, RECOVER, REINTRODUCE, REBUILD, RESUME), the caps to change
 * @param afterPlan the after-day-28 thresholds to change
 * @param injured   mark or clear the runner as injured: the PT then hears every WARNING at once
 */
public record CapsChange(
        @NotBlank @Size(max = 100) @Schema(description = "Who makes the change, e.g. the PT's name") String changedBy,
        @NotBlank @Size(max = 500) @Schema(description = "Why, in a sentence") String reason,
        Map<Phase, PhaseCaps> phases,
        AfterPlanCaps afterPlan,
        Boolean injured) {

    /** The change to apply; call once the request is checked. */
    public CapsEdit toDomain() {
        return new CapsEdit(changedBy, reason, phases, afterPlan, injured);
    }
}
