package io.rebound.plan;

import io.quarkus.panache.common.Parameters;

/**
 * The plans a caller may see: every plan (an admin), or those that name them, as the PT ({@code ptId}) or as the
 * runner ({@code runnerId}); a null id names nobody.
 */
public record PlanScope(boolean everyone, String ptId, String runnerId) {

    public boolean sees(Plan plan) {
        return plan != null && (everyone || (ptId != null && ptId.equals(plan.ptId))
                || (runnerId != null && runnerId.equals(plan.runnerId)));
    }

    /**
     * The HQL condition for plans in scope, on the plan's fields under {@code prefix} ("" for the queried entity,
     * "p." for an alias); "1 = 1" for everyone and "1 = 0" for a caller no plan can name.
     */
    String condition(String prefix) {
        if (everyone) {
            return "1 = 1";
        }
        if (ptId == null && runnerId == null) {
            return "1 = 0";
        }
        if (ptId == null) {
            return prefix + "runnerId = :scopeRunner";
        }
        if (runnerId == null) {
            return prefix + "ptId = :scopePt";
        }
        return "(" + prefix + "ptId = :scopePt or " + prefix + "runnerId = :scopeRunner)";
    }

    /** The condition on an entity with a {@code planId} that holds for the plans in scope. */
    public String onPlanId() {
        return everyone ? "1 = 1" : "planId in (select p.id from Plan p where " + condition("p.") + ")";
    }

    /** The parameters the conditions name, added to {@code parameters}. */
    public Parameters addTo(Parameters parameters) {
        if (!everyone && ptId != null) {
            parameters.and("scopePt", ptId);
        }
        if (!everyone && runnerId != null) {
            parameters.and("scopeRunner", runnerId);
        }
        return parameters;
    }
}
