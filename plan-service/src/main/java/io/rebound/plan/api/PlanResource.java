package io.rebound.plan.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.rebound.plan.PlanConfig;
import io.rebound.plan.PlanService;
import io.rebound.support.problem.ProblemException;
import io.rebound.support.problem.RequestValidator;
import io.rebound.support.security.Caller;
import io.rebound.support.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.RUNNER, Roles.PT, Roles.ADMIN})
public class PlanResource {

    /** A plan is for a recent or coming marathon; further out is a typo. */
    private static final int MAX_YEARS_FROM_TODAY = 1;

    private final PlanService plans;
    private final RequestValidator validator;
    private final ObjectMapper mapper;
    private final SecurityIdentity identity;
    private final int maxList;
    private final Clock clock = Clock.systemUTC();

    public PlanResource(PlanService plans, RequestValidator validator,
            ObjectMapper mapper, SecurityIdentity identity, PlanConfig config) {
        this.maxList = config.maxList();
        this.plans = plans;
        this.validator = validator;
        this.mapper = mapper;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a runner's plan", description = "Race day is day 0 in the runner's zone. Activities"
            + " the runner already logged are checked at once.")
    public Uni<Response> create(NewPlan request) {
        validator.check(request);
        PlanAccess.mayCreate(Caller.of(identity), request);
        checkZone("timeZone", request.timeZone());
        if (request.runner().timeZone() != null) {
            checkZone("runner.timeZone", request.runner().timeZone());
        }
        if (request.physicalTherapist().timeZone() != null) {
            checkZone("physicalTherapist.timeZone", request.physicalTherapist().timeZone());
        }
        checkRaceDate(request.raceDate());
        if (request.unit() == null) {
            throw ProblemException.invalid("distanceUnit", "is needed (km or mi) when no peakWeek is given");
        }
        return plans.create(request.toDomain())
                .map(plan -> Response.created(URI.create("/api/v1/plans/" + plan.runnerId))
                        .entity(PlanView.of(plan, clock.instant())).build());
    }

    @GET
    @Operation(summary = "The plans you may see, by runner name", description = "An admin sees every plan, a PT the"
            + " plans that name them, a runner their own; each with the runner's day and phase today.")
    public Uni<List<PlanSummary>> list(@QueryParam("limit") @DefaultValue("100") int limit) {
        ListLimit.check(limit, maxList);
        Instant now = clock.instant();
        return plans.list(PlanAccess.scope(Caller.of(identity)), limit)
                .map(list -> list.stream().map(plan -> PlanSummary.of(plan, now)).toList());
    }

    @GET
    @Path("/{runnerId}")
    @Operation(summary = "A runner's plan, with today's day and phase")
    public Uni<PlanView> get(@PathParam("runnerId") String runnerId) {
        Caller caller = Caller.of(identity);
        return plans.find(runnerId).map(plan -> PlanView.of(PlanAccess.readable(caller, runnerId, plan), clock.instant()));
    }

    @PATCH
    @Path("/{runnerId}/caps")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a runner's caps", description = "Only the fields given change. Records who, when and"
            + " why, and re-checks the runner's activities against the new caps at once.")
    public Uni<PlanView> changeCaps(@PathParam("runnerId") String runnerId, CapsChange change) {
        Caller caller = Caller.of(identity);
        return plans.find(runnerId).chain(plan -> {
            PlanAccess.capsChangeable(caller, runnerId, plan);
            validator.check(change);
            return plans.changeCaps(runnerId, change.toDomain(), json(change),
                    current -> CapsCheck.check(change, current));
        }).map(plan -> PlanView.of(plan, clock.instant()));
    }

    @GET
    @Path("/{runnerId}/caps")
    @Operation(summary = "A runner's caps and every change made to them")
    public Uni<CapsView> caps(@PathParam("runnerId") String runnerId) {
        Caller caller = Caller.of(identity);
        return plans.find(runnerId).chain(plan -> {
            PlanAccess.readable(caller, runnerId, plan);
            return plans.overrides(plan).map(overrides -> new CapsView(plan.caps(), plan.injured, overrides.stream()
                    .map(o -> new CapsView.Change(o.changedBy, o.reason, o.changedAt, o.changes)).toList()));
        });
    }

    private String json(CapsChange change) {
        try {
            return mapper.writeValueAsString(change);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void checkZone(String field, String zone) {
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw ProblemException.invalid(field, "must be an IANA time zone such as America/Chicago (got '" + zone + "')");
        }
        if (!zone.contains("/") && !zone.equals("UTC")) {
            throw ProblemException.invalid(field,
                    "must be a region such as Europe/Berlin, not an offset, so daylight saving is followed (got '" + zone + "')");
        }
    }

    private void checkRaceDate(LocalDate raceDate) {
        LocalDate today = LocalDate.now(clock);
        if (raceDate.isBefore(today.minusYears(MAX_YEARS_FROM_TODAY)) || raceDate.isAfter(today.plusYears(MAX_YEARS_FROM_TODAY))) {
            throw ProblemException.invalid("raceDate", "must be within a year of today (got " + raceDate + ")");
        }
    }
}
