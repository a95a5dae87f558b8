package io.rebound.activity.provider.polar;

import io.rebound.activity.ActivityConfig;
import io.rebound.activity.fetch.FetchQueue;
import io.rebound.activity.fetch.FetchWorker;
import io.rebound.activity.ingest.IngestMetrics;
import io.rebound.activity.ingest.Provider;
import io.rebound.activity.provider.ProviderJson;
import io.rebound.activity.provider.WebhookAnswer;
import io.rebound.support.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestHeader;

/** Polar AccessLink's webhook: signed with the webhook's secret key; the exercise is fetched afterwards. */
@Path("/api/v1/webhooks/polar")
@Produces(MediaType.APPLICATION_JSON)
public class PolarWebhookResource {

    private final String secret;
    private final URI polarBase;
    private final FetchQueue queue;
    private final FetchWorker worker;
    private final IngestMetrics metrics;

    public PolarWebhookResource(ActivityConfig config, FetchQueue queue, FetchWorker worker, IngestMetrics metrics) {
        this.polarBase = config.polar().baseUrl().normalize();
        this.metrics = metrics;
        this.secret = config.polar().webhookSecret().filter(s -> !s.isBlank()).orElse(null);
        this.queue = queue;
        this.worker = worker;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A Polar AccessLink event (EXERCISE or the PING check)")
    public Uni<WebhookAnswer> event(@RestHeader("Polar-Webhook-Signature") String signature, byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        ProviderJson.checkSize(raw);
        if (secret == null || !PolarSignature.verify(raw, signature, secret)) {
            metrics.signatureFailed(Provider.POLAR);
            throw new ProblemException(401, "Signature refused",
                    "Polar-Webhook-Signature must be the hex HMAC-SHA256 of the body with this webhook's secret key", List.of());
        }
        PolarEvent event;
        try {
            event = PolarEvent.parse(ProviderJson.bodyText(raw));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("(body)", e.getMessage());
        }
        if (!event.isExercise()) {
            return Uni.createFrom().item(new WebhookAnswer(event.isPing() ? "pong" : "ignored", null));
        }
        try {
            // Checked now as well as when fetched: a url that will never be fetched is not worth queueing.
            PolarClient.underBase(polarBase, event.url());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("url", e.getMessage());
        }
        return queue.enqueue(Provider.POLAR, Long.toString(event.userId()), event.entityId(), event.url())
                .invoke(worker::wakeUp).map(job -> new WebhookAnswer("queued", null));
    }
}
