package io.rebound.notification.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.rebound.notification.NotificationConfig;
import io.rebound.notification.contacts.ContactDirectory;
import io.rebound.notification.email.AlertDeliveries;
import io.rebound.support.problem.ProblemException;
import io.rebound.support.security.Caller;
import io.rebound.support.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

@Path("/api/v1/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.RUNNER, Roles.PT, Roles.ADMIN})
public class DeliveryResource {

    private final AlertDeliveries deliveries;
    private final ContactDirectory contacts;
    private final NotificationConfig config;
    private final SecurityIdentity identity;

    public DeliveryResource(AlertDeliveries deliveries, ContactDirectory contacts, NotificationConfig config,
            SecurityIdentity identity) {
        this.deliveries = deliveries;
        this.contacts = contacts;
        this.config = config;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The emails owed and sent for a runner's alerts, newest first",
            description = "One row per alert and recipient (runner or PT), with its state: PENDING, SENDING, SENT,"
                    + " PENDING_DIGEST (a WARNING kept for the PT's daily digest), FAILED, WITHDRAWN (its alert was"
                    + " withdrawn before the email went out), SUPPRESSED (the address unsubscribed, or the PT turned"
                    + " the digest off) or ACKNOWLEDGED (a WARNING left out of the PT's digest: the PT had acknowledged"
                    + " the alert). A PENDING email held for quiet hours is due at nextAttemptAt. For the runner"
                    + " themselves, the PT their plan names, and admins; 404 for anyone else.")
    public Uni<List<DeliveryView>> list(
            @QueryParam("runnerId") @Parameter(description = "The runner whose alerts to show", required = true)
            String runnerId,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        if (runnerId == null || runnerId.isBlank()) {
            throw ProblemException.invalid("runnerId", "is required: the runner whose deliveries to list");
        }
        if (limit < 1 || limit > config.maxList()) {
            throw ProblemException.invalid("limit",
                    "must be between 1 and " + config.maxList() + " (got " + limit + ")");
        }
        return DeliveryAccess.check(Caller.of(identity), runnerId, contacts)
                .chain(() -> deliveries.list(runnerId, limit))
                .map(list -> list.stream().map(DeliveryView::of).toList());
    }
}
