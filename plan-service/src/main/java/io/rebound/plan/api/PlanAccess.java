package io.rebound.plan.api;

import io.rebound.plan.Plan;
import io.rebound.plan.PlanScope;
import io.rebound.support.problem.ProblemException;
import io.rebound.support.security.Caller;
import io.rebound.support.security.Roles;

/**
 * Who may see and change a runner's plan: the runner themselves, the PT the plan names, and admins. Anyone else is
 * told the runner has no plan, exactly as for a runner without one, so nobody can find out which runners exist.
 */
final class PlanAccess {

    private PlanAccess() {
    }

    /** The plan, if the caller may read it; otherwise 404 as if there were none. */
    static Plan readable(Caller caller, String runnerId, Plan plan) {
        if (plan == null || !(caller.isAdmin() || caller.isRunner(plan.runnerId) || caller.isPt(plan.ptId))) {
            throw ProblemException.notFound("runner " + runnerId + " has no plan");
        }
        return plan;
    }

    /** The plan, if the caller may change its caps: its PT or an admin; the runner sees it but may not (403). */
    static Plan capsChangeable(Caller caller, String runnerId, Plan plan) {
        readable(caller, runnerId, plan);
        if (!(caller.isAdmin() || caller.isPt(plan.ptId))) {
            throw ProblemException.forbidden("only the runner's PT or an admin may change the caps of " + runnerId);
        }
        return plan;
    }

    /** A runner creates their own plan, a PT one that names them, an admin any; 403 otherwise. */
    static void mayCreate(Caller caller, NewPlan request) {
        if (caller.isAdmin() || caller.isRunner(request.runnerId()) || caller.isPt(request.physicalTherapist().ptId())) {
            return;
        }
        throw ProblemException.forbidden("a runner may create only their own plan (runnerId = the token's subject), and a PT"
                + " only a plan that names them as physicalTherapist (id, or the email their id is derived from)");
    }

    /** The plans the caller may see, as {@link #readable} decides one: all for an admin, else those naming them. */
    static PlanScope scope(Caller caller) {
        return new PlanScope(caller.isAdmin(), caller.roles().contains(Roles.PT) ? caller.subject() : null,
                caller.roles().contains(Roles.RUNNER) ? caller.subject() : null);
    }

    /** Who may acknowledge an alert of a plan they see: its PT or an admin; the runner sees it but may not (403). */
    static boolean mayAcknowledge(Caller caller, Plan plan) {
        return caller.isAdmin() || caller.isPt(plan.ptId);
    }
}
