package io.rebound.plan.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.rebound.events.Severity;
import io.rebound.plan.PlanConfig;
import io.rebound.plan.alerts.AlertInbox;
import io.rebound.support.problem.ProblemException;
import io.rebound.support.problem.RequestValidator;
import io.rebound.support.security.Caller;
import io.rebound.support.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.RUNNER, Roles.PT, Roles.ADMIN})
public class AlertResource {

    private final AlertInbox inbox;
    private final RequestValidator validator;
    private final SecurityIdentity identity;
    private final int maxList;

    public AlertResource(AlertInbox inbox, RequestValidator validator, SecurityIdentity identity,
            PlanConfig config) {
        this.inbox = inbox;
        this.validator = validator;
        this.identity = identity;
        this.maxList = config.maxList();
    }

    @GET
    @Operation(summary = "The alerts of the runners you may see, newest first",
            description = "Raised alerts and those withdrawn since (never a WARNING an OVERLOAD superseded, nor an"
                    + " ADVISORY). A PT sees the runners whose plans name them, a runner their own, an admin all."
                    + " unacknowledged counts the RAISED alerts nobody has acknowledged among all of those,"
                    + " whatever the filters.")
    public Uni<AlertsView> list(
            @QueryParam("runnerId") @Parameter(description = "Only this runner's alerts") String runnerId,
            @QueryParam("severity") @Parameter(description = "WARNING or OVERLOAD") String severity,
            @QueryParam("state") @Parameter(description = "open (raised, not acknowledged), acknowledged (raised and"
                    + " acknowledged) or withdrawn") String state,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        ListLimit.check(limit, maxList);
        AlertInbox.Filter filter = new AlertInbox.Filter(runnerId == null || runnerId.isBlank() ? null : runnerId,
                severity(severity), show(state), limit);
        return inbox.list(PlanAccess.scope(Caller.of(identity)), filter)
                .map(listed -> new AlertsView(listed.alerts().stream().map(AlertView::of).toList(), listed.unacknowledged()));
    }

    @GET
    @Path("/{alertId}")
    @Operation(summary = "One alert", description = "404 for an alert of a runner you may not see, as for one that"
            + " does not exist.")
    public Uni<AlertView> get(@PathParam("alertId") UUID alertId) {
        return inbox.find(PlanAccess.scope(Caller.of(identity)), alertId).map(shown -> {
            if (shown == null) {
                throw AlertInbox.notFound(alertId);
            }
            return AlertView.of(shown);
        });
    }

    @POST
    @Path("/{alertId}/acknowledgement")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Acknowledge an alert", description = "For the runner's PT or an admin (a runner gets 403)."
            + " Records who, when and the optional note, and announces AlertAcknowledged on the alerts topic: a"
            + " WARNING still waiting for the PT's digest then leaves it. 409 when the alert was already acknowledged"
            + " or has been withdrawn.")
    public Uni<AlertView> acknowledge(@PathParam("alertId") UUID alertId, NewAcknowledgement request) {
        validator.check(request);
        Caller caller = Caller.of(identity);
        return inbox.acknowledge(PlanAccess.scope(caller), plan -> PlanAccess.mayAcknowledge(caller, plan), alertId,
                        caller.subject(), request.note())
                .map(AlertView::of);
    }

    private static Severity severity(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.equals(Severity.WARNING.name()) || value.equals(Severity.OVERLOAD.name())) {
            return Severity.valueOf(value);
        }
        throw ProblemException.invalid("severity", "must be WARNING or OVERLOAD (got '" + ListLimit.shown(value) + "')");
    }

    private static AlertInbox.Show show(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value) {
            case "open" -> AlertInbox.Show.OPEN;
            case "acknowledged" -> AlertInbox.Show.ACKNOWLEDGED;
            case "withdrawn" -> AlertInbox.Show.WITHDRAWN;
            default -> throw ProblemException.invalid("state",
                    "must be open, acknowledged or withdrawn (got '" + ListLimit.shown(value) + "')");
        };
    }
}
