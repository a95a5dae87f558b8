package io.rebound.activity.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.rebound.activity.ActivityAccess;
import io.rebound.activity.ActivityConfig;
import io.rebound.activity.ActivityService;
import io.rebound.activity.ingest.ActivityTimes;
import io.rebound.activity.ingest.IngestMetrics;
import io.rebound.activity.ingest.Provider;
import io.rebound.events.ActivityKind;
import io.rebound.events.Sport;
import io.rebound.support.problem.Problem;
import io.rebound.support.problem.ProblemException;
import io.rebound.support.problem.RequestValidator;
import io.rebound.support.security.Caller;
import io.rebound.support.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.RUNNER, Roles.ADMIN})
public class ActivityResource {

    private static final String RUNNING_SPORTS = Arrays.stream(Sport.values())
            .filter(sport -> sport.kind() == ActivityKind.RUN)
            .map(Sport::code)
            .collect(Collectors.joining(", "));

    private final ActivityService activities;
    private final RequestValidator validator;
    private final int maxList;
    private final IngestMetrics metrics;
    private final SecurityIdentity identity;

    public ActivityResource(ActivityService activities, RequestValidator validator,
            ActivityConfig config, IngestMetrics metrics,
            SecurityIdentity identity) {
        this.metrics = metrics;
        this.identity = identity;
        this.activities = activities;
        this.validator = validator;
        this.maxList = config.maxList();
    }

    @POST
    @Path("/activities")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Log an activity", description = "Stores it and answers 202 once it is durable;"
            + " the plan check follows within moments.")
    public Uni<Response> post(NewActivity request) {
        check(request);
        ActivityAccess.mayRecordFor(caller(), request.runnerId());
        return activities.record(request.toDomain())
                .invoke(() -> metrics.counted(Provider.API, IngestMetrics.ACCEPTED))
                .map(activity -> Response.accepted(new Accepted(activity.id, "accepted"))
                        .location(URI.create("/api/v1/runners/" + activity.runnerId + "/activities/" + activity.id))
                        .build());
    }

    @GET
    @Path("/runners/{runnerId}/activities")
    @Operation(summary = "A runner's activities, latest start first")
    public Uni<List<ActivityView>> list(@PathParam("runnerId") String runnerId,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        ActivityAccess.ownRunner(caller(), runnerId);
        if (limit < 1 || limit > maxList) {
            throw ProblemException.invalid("limit", "must be between 1 and " + maxList + " (got " + limit + ")");
        }
        return activities.list(runnerId, limit).map(list -> list.stream().map(ActivityView::of).toList());
    }

    @GET
    @Path("/runners/{runnerId}/activities/{activityId}")
    @Operation(summary = "One activity")
    public Uni<ActivityView> get(@PathParam("runnerId") String runnerId, @PathParam("activityId") UUID activityId) {
        ActivityAccess.ownRunner(caller(), runnerId);
        return activities.find(runnerId, activityId).map(found -> {
            if (found == null) {
                throw notFound(runnerId, activityId);
            }
            return ActivityView.of(found);
        });
    }

    @PUT
    @Path("/runners/{runnerId}/activities/{activityId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Correct an activity", description = "Replaces what the activity says, keeping its id and"
            + " acceptance time, and answers the activity as it now stands; the plan check is redone within moments.")
    public Uni<ActivityView> correct(@PathParam("runnerId") String runnerId, @PathParam("activityId") UUID activityId,
            NewActivity request) {
        ActivityAccess.ownRunner(caller(), runnerId);
        check(request);
        if (!request.runnerId().equals(runnerId)) {
            throw ProblemException.invalid("runnerId", "must be the runner in the path, '" + runnerId + "' (got '"
                    + request.runnerId() + "'); an activity cannot move to another runner");
        }
        return activities.correct(runnerId, activityId, request.toDomain()).map(corrected -> {
            if (corrected == null) {
                throw notFound(runnerId, activityId);
            }
            metrics.counted(Provider.API, "updated");
            return ActivityView.of(corrected);
        });
    }

    @DELETE
    @Path("/runners/{runnerId}/activities/{activityId}")
    @Operation(summary = "Delete an activity", description = "Removes it and answers 204; the plan check is redone"
            + " without it within moments.")
    public Uni<Response> delete(@PathParam("runnerId") String runnerId, @PathParam("activityId") UUID activityId) {
        ActivityAccess.ownRunner(caller(), runnerId);
        return activities.delete(runnerId, activityId).map(deleted -> {
            if (!deleted) {
                throw notFound(runnerId, activityId);
            }
            metrics.counted(Provider.API, "deleted");
            return Response.noContent().build();
        });
    }

    private Caller caller() {
        return Caller.of(identity);
    }

    private static ProblemException notFound(String runnerId, UUID activityId) {
        return ProblemException.notFound("runner " + runnerId + " has no activity " + activityId);
    }

    private void check(NewActivity request) {
        validator.check(request);
        checkStart(request.startTime());
        checkDetails(request);
    }

    /** Strides and massage depth each belong to one kind of activity; on another they are a client's mistake. */
    private static void checkDetails(NewActivity request) {
        Sport sport = request.sport();
        List<Problem.FieldError> errors = new ArrayList<>();
        if (Boolean.TRUE.equals(request.strides()) && sport.kind() != ActivityKind.RUN) {
            errors.add(new Problem.FieldError("strides", "may be true only when the sport is a run: " + RUNNING_SPORTS
                    + " (got true with sport '" + sport.code() + "')"));
        }
        if (request.massageDepth() != null && sport != Sport.MASSAGE) {
            errors.add(new Problem.FieldError("massageDepth", "may be given only with sport 'massage' (got '"
                    + request.massageDepth().code() + "' with sport '" + sport.code() + "')"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static void checkStart(OffsetDateTime start) {
        ActivityTimes.system().problem(start.toInstant(), start).ifPresent(problem -> {
            throw ProblemException.invalid("startTime", problem);
        });
    }

    /** The answer to an accepted activity. */
    public record Accepted(UUID activityId, String status) {
    }
}
