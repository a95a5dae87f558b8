package io.rebound.activity.provider.generic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rebound.activity.ActivityConfig;
import io.rebound.activity.ingest.DeviceActivity;
import io.rebound.activity.ingest.IngestMetrics;
import io.rebound.activity.ingest.IngestOutcome;
import io.rebound.activity.ingest.IngestService;
import io.rebound.activity.ingest.Provider;
import io.rebound.activity.ingest.ProviderSports;
import io.rebound.activity.provider.ProviderJson;
import io.rebound.activity.provider.WebhookAnswer;
import io.rebound.support.outbox.OutboxRelay;
import io.rebound.support.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestHeader;

/**
 * The signed webhook for any other app (Standard Webhooks). Body: {@code {"type": "activity.created" |
 * "activity.updated" | "activity.deleted", "data": {"userId", "activityId", "sport", "startTime",
 * "durationSeconds", "distanceMetres", "averageHeartRate"}, "timestamp"}}; {@code webhook-id} makes a redelivery
 * harmless, and {@code timestamp} (when the app sends it) lets a late, older version be recognised as stale.
 */
@Path("/api/v1/webhooks/generic")
@Produces(MediaType.APPLICATION_JSON)
public class GenericWebhookResource {

    static final int MAX_ID_LENGTH = 200;

    private final StandardWebhookVerifier verifier;
    private final IngestService ingest;
    private final OutboxRelay relay;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();
    private final IngestMetrics metrics;

    public GenericWebhookResource(
            ActivityConfig config, IngestService ingest, OutboxRelay relay, ObjectMapper json, IngestMetrics metrics) {
        this.metrics = metrics;
        this.verifier = new StandardWebhookVerifier(config.webhook().generic().secrets().orElse(List.of()));
        this.ingest = ingest;
        this.relay = relay;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "An activity created, updated or deleted in another app", description = "Signed as Standard"
            + " Webhooks describes; answered 200 once stored.")
    public Uni<WebhookAnswer> receive(@RestHeader("webhook-id") String id, @RestHeader("webhook-timestamp") String timestamp,
            @RestHeader("webhook-signature") String signature, byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        ProviderJson.checkSize(raw);
        String refused = verifier.problem(id, timestamp, signature, raw, clock.instant());
        if (refused != null) {
            metrics.signatureFailed(Provider.WEBHOOK);
            throw new ProblemException(401, "Signature refused", refused, List.of());
        }
        if (id.length() > MAX_ID_LENGTH) {
            // The receipt keeps the id (webhook_receipt.delivery_id), which holds this many characters.
            throw ProblemException.invalid("webhook-id", "must be at most " + MAX_ID_LENGTH + " characters (got "
                    + id.length() + ")");
        }
        JsonNode root = ProviderJson.parse(json, ProviderJson.bodyText(raw));
        String type = ProviderJson.text(root, "type");
        JsonNode data = ProviderJson.object(root, "data");
        String userId = ProviderJson.text(data, "data.userId");
        // Apps number their activities each in their own way: the user's id keeps two apps' "42" apart.
        String activityId = userId + ":" + ProviderJson.text(data, "data.activityId");
        // The app's own time of this version orders deliveries that arrive out of order; else the delivery's time.
        Instant versionAt = root.hasNonNull("timestamp") ? ProviderJson.time(root, "timestamp").toInstant()
                : Instant.ofEpochSecond(Long.parseLong(timestamp.trim()));
        Uni<IngestOutcome> outcome = switch (type) {
            case "activity.created", "activity.updated" -> ingest.upsert(userId, id, new DeviceActivity(Provider.WEBHOOK,
                    activityId, ProviderSports.map(Provider.WEBHOOK, ProviderJson.text(data, "data.sport")),
                    ProviderJson.time(data, "data.startTime"), ProviderJson.wholeNumber(data, "data.durationSeconds", 1, 86_400),
                    ProviderJson.number(data, "data.distanceMetres", 0, 500_000),
                    ProviderJson.optionalWholeNumber(data, "data.averageHeartRate", 20, 250)), versionAt);
            case "activity.deleted" -> ingest.delete(Provider.WEBHOOK, userId, id, activityId, versionAt);
            default -> throw ProblemException.invalid("type",
                    "must be activity.created, activity.updated or activity.deleted (got '" + type + "')");
        };
        return outcome.invoke(relay::wakeUp).invoke(result -> metrics.counted(Provider.WEBHOOK, result))
                .map(WebhookAnswer::of);
    }
}
