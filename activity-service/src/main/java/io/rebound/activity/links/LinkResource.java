package io.rebound.activity.links;

import io.quarkus.security.identity.SecurityIdentity;
import io.rebound.activity.ActivityAccess;
import io.rebound.activity.fetch.FetchWorker;
import io.rebound.activity.ingest.IngestMetrics;
import io.rebound.activity.ingest.Provider;
import io.rebound.support.outbox.OutboxRelay;
import io.rebound.support.problem.ProblemException;
import io.rebound.support.problem.RequestValidator;
import io.rebound.support.security.Caller;
import io.rebound.support.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/runners/{runnerId}/links")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class LinkResource {

    private final LinkService links;
    private final TokenCipher tokens;
    private final RequestValidator validator;
    private final OutboxRelay relay;
    private final FetchWorker worker;
    private final IngestMetrics metrics;
    private final SecurityIdentity identity;

    public LinkResource(LinkService links, TokenCipher tokens, RequestValidator validator, OutboxRelay relay,
            FetchWorker worker, IngestMetrics metrics, SecurityIdentity identity) {
        this.identity = identity;
        this.worker = worker;
        this.metrics = metrics;
        this.links = links;
        this.tokens = tokens;
        this.validator = validator;
        this.relay = relay;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Tie a provider's user to this runner (admins only)", description = "Activities that user sent"
            + " before the link are applied at once. Nothing here proves the provider user is the runner's: runners"
            + " connect through /api/v1/runners/{runnerId}/connections, where the provider names its user.")
    public Uni<Response> link(@PathParam("runnerId") String runnerId, NewLink request) {
        ActivityAccess.ownRunner(Caller.of(identity), runnerId);
        validator.check(request);
        if (request.accessToken() != null && !tokens.configured()) {
            throw new ProblemException(503, "Token storage not configured", "this server has no"
                    + " rebound.activity.token-key, so it cannot store access tokens", List.of());
        }
        Provider provider = Provider.valueOf(request.provider().toUpperCase(Locale.ROOT));
        return links.link(runnerId, provider, request).invoke(this::wakeUp)
                .invoke(replayed -> metrics.counted(provider, replayed))
                .map(replayed -> Response.status(201).entity(new Linked(runnerId, request.provider(),
                        request.providerUserId(), replayed.size())).build());
    }

    private void wakeUp() {
        relay.wakeUp();
        worker.wakeUp();
    }

    /** The answer to a link: how many activities kept for that user were applied. */
    public record Linked(String runnerId, String provider, String providerUserId, int replayed) {
    }
}
