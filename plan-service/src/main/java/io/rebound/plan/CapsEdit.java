package io.rebound.plan;

import io.rebound.events.Phase;
import io.rebound.plan.rules.AfterPlanCaps;
import io.rebound.plan.rules.PhaseCaps;
import java.util.Map;

/** A PT's change to one runner's caps, already checked by the resource; null fields leave their value as it is. */
public record CapsEdit(
        String changedBy,
        String reason,
        Map<Phase, PhaseCaps> phases,
        AfterPlanCaps afterPlan,
        Boolean injured) {
}
