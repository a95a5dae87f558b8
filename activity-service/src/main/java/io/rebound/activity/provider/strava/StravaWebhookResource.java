package io.rebound.activity.provider.strava;

import io.rebound.activity.ActivityConfig;
import io.rebound.activity.fetch.FetchQueue;
import io.rebound.activity.fetch.FetchWorker;
import io.rebound.activity.links.LinkService;
import io.rebound.activity.ingest.IngestMetrics;
import io.rebound.activity.ingest.IngestService;
import io.rebound.activity.ingest.Provider;
import io.rebound.activity.provider.ProviderJson;
import io.rebound.activity.provider.WebhookAnswer;
import io.rebound.support.outbox.OutboxRelay;
import io.rebound.support.problem.Problem;
import io.rebound.support.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Strava's webhook subscription: the {@code GET} handshake, and event {@code POST}s answered at once (Strava
 * wants an answer within 2 s); the activity itself is fetched afterwards by {@link FetchWorker}. Only events of our
 * own subscription ({@link StravaSubscriptions}) are acted on.
 */
@Path("/api/v1/webhooks/strava")
@Produces(MediaType.APPLICATION_JSON)
public class StravaWebhookResource {

    private final String verifyToken;
    private final FetchQueue queue;
    private final FetchWorker worker;
    private final IngestService ingest;
    private final OutboxRelay relay;
    private final LinkService links;
    private final IngestMetrics metrics;
    private final StravaSubscriptions subscriptions;

    public StravaWebhookResource(ActivityConfig config, FetchQueue queue, FetchWorker worker, IngestService ingest, OutboxRelay relay, LinkService links,
            IngestMetrics metrics, StravaSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
        this.metrics = metrics;
        this.links = links;
        this.verifyToken = config.strava().verifyToken().orElse(null);
        this.queue = queue;
        this.worker = worker;
        this.ingest = ingest;
        this.relay = relay;
    }

    @GET
    @Operation(summary = "Strava's subscription handshake")
    public Response handshake(@QueryParam("hub.mode") String mode, @QueryParam("hub.verify_token") String token,
            @QueryParam("hub.challenge") String challenge) {
        return StravaHandshake.answer(mode, token, challenge, verifyToken)
                .map(answer -> Response.ok(answer, MediaType.APPLICATION_JSON).build())
                .orElseThrow(() -> new ProblemException(403, "Handshake refused",
                        "hub.mode must be subscribe and hub.verify_token must be ours", List.of()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A Strava event: an activity created, updated or deleted, or an athlete's access revoked")
    public Uni<WebhookAnswer> event(byte[] body) {
        String text = ProviderJson.bodyText(body);
        StravaEvent event;
        try {
            event = StravaEvent.parse(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("(body)", e.getMessage());
        }
        // Strava signs nothing: an event is believed only when it names our subscription, before anything is acted on.
        return subscriptions.isOurs(event.subscriptionId()).chain(ours -> {
            if (!ours) {
                metrics.signatureFailed(Provider.STRAVA);
                String problem = "must be the id of this service's Strava subscription (got " + event.subscriptionId() + ")";
                return Uni.createFrom().failure(new ProblemException(403, "Not our subscription",
                        "subscription_id " + problem, List.of(new Problem.FieldError("subscription_id", problem))));
            }
            return act(event);
        });
    }

    private Uni<WebhookAnswer> act(StravaEvent event) {
        String owner = Long.toString(event.ownerId());
        if (event.objectType() == StravaObjectType.ATHLETE) {
            return event.isDeauthorization()
                    ? links.deauthorize(Provider.STRAVA, owner).map(ignored -> new WebhookAnswer("deauthorized", null))
                    : Uni.createFrom().item(new WebhookAnswer("ignored", null));
        }
        String activityId = Long.toString(event.objectId());
        if (event.aspectType() == StravaAspectType.DELETE) {
            return ingest.delete(Provider.STRAVA, owner, null, activityId, event.eventTime()).invoke(relay::wakeUp)
                    .invoke(outcome -> metrics.counted(Provider.STRAVA, outcome)).map(WebhookAnswer::of);
        }
        return queue.enqueue(Provider.STRAVA, owner, activityId, null).invoke(worker::wakeUp)
                .map(job -> new WebhookAnswer("queued", null));
    }
}
