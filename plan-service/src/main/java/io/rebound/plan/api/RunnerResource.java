package io.rebound.plan.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.rebound.plan.Plan;
import io.rebound.plan.PlanConfig;
import io.rebound.plan.PlanService;
import io.rebound.plan.RunnerStatus;
import io.rebound.plan.ledger.Ledger;
import io.rebound.support.security.Caller;
import io.rebound.support.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/runners/{runnerId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.RUNNER, Roles.PT, Roles.ADMIN})
public class RunnerResource {

    private final PlanService plans;
    private final RunnerStatus status;
    private final Ledger ledger;
    private final SecurityIdentity identity;
    private final int maxList;

    public RunnerResource(PlanService plans, RunnerStatus status, Ledger ledger, SecurityIdentity identity,
            PlanConfig config) {
        this.plans = plans;
        this.status = status;
        this.ledger = ledger;
        this.identity = identity;
        this.maxList = config.maxList();
    }

    @GET
    @Path("/today")
    @Operation(summary = "What the runner may do today", description = "Phase and day, what is allowed, and what is"
            + " left in this window before each cap, in the runner's unit.")
    public Uni<TodayView> today(@PathParam("runnerId") String runnerId) {
        return withPlan(runnerId, plan -> status.today(plan).map(today -> TodayView.of(plan.runnerId, plan.distanceUnit, today)));
    }

    @GET
    @Path("/findings")
    @Operation(summary = "The runner's findings and the state of each alert")
    public Uni<List<FindingView>> findings(@PathParam("runnerId") String runnerId) {
        return withPlan(runnerId, plan -> status.findings(plan).map(list -> list.stream().map(FindingView::of).toList()));
    }

    @GET
    @Path("/activities")
    @Operation(summary = "The runner's recent activities, as the plan's rules read them", description = "Latest start"
            + " first (default 20). For the runner, their PT and admins: a PT may not call activity-service.")
    public Uni<List<LedgerActivityView>> activities(@PathParam("runnerId") String runnerId,
            @QueryParam("limit") @DefaultValue("20") int limit) {
        ListLimit.check(limit, maxList);
        return withPlan(runnerId, plan -> ledger.recent(plan.runnerId, limit)
                .map(list -> list.stream().map(LedgerActivityView::of).toList()));
    }

    private <T> Uni<T> withPlan(String runnerId, Function<Plan, Uni<T>> then) {
        Caller caller = Caller.of(identity);
        return plans.find(runnerId).chain(plan -> then.apply(PlanAccess.readable(caller, runnerId, plan)));
    }
}
