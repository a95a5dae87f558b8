package io.rebound.activity.webhook.garmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rebound.activity.ingest.DeviceActivity;
import io.rebound.activity.ingest.IngestMetrics;
import io.rebound.activity.ingest.IngestService;
import io.rebound.activity.ingest.IngestService.Delivered;
import io.rebound.activity.ingest.Provider;
import io.rebound.activity.ingest.ProviderSports;
import io.rebound.activity.webhook.WebhookJson;
import io.rebound.support.outbox.OutboxRelay;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Garmin's activity push: {@code {"activities": [{userId, summaryId, activityType, startTimeInSeconds,
 * startTimeOffsetInSeconds, durationInSeconds, distanceInMeters, averageHeartRateInBeatsPerMinute}]}}. Answered
 * 200 as soon as the whole push is stored; a repeated push stores nothing twice.
 */
@Path("/api/v1/webhooks/garmin")
@Produces(MediaType.APPLICATION_JSON)
public class GarminPushResource {

    private static final int MAX_OFFSET_SECONDS = 18 * 3600;

    private final IngestService ingest;
    private final OutboxRelay relay;
    private final ObjectMapper json;
    private final IngestMetrics metrics;

    public GarminPushResource(IngestService ingest, OutboxRelay relay, ObjectMapper json, IngestMetrics metrics) {
        this.metrics = metrics;
        this.ingest = ingest;
        this.relay = relay;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Garmin activity push")
    public Uni<Pushed> push(String body) {
        WebhookJson.checkSize(body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
        JsonNode items = WebhookJson.array(WebhookJson.parse(json, body), "activities");
        List<Delivered> deliveries = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            deliveries.add(activity(items.get(i), "activities[" + i + "]."));
        }
        return ingest.upsertAll(deliveries).invoke(relay::wakeUp)
                .invoke(outcomes -> metrics.counted(Provider.GARMIN, outcomes)).map(outcomes -> new Pushed(outcomes.stream()
                .map(o -> o.result().code()).toList()));
    }

    private static Delivered activity(JsonNode item, String at) {
        long start = WebhookJson.wholeNumber(item, at + "startTimeInSeconds", 946_684_800L, 4_102_444_800L);
        long offset = item.has("startTimeOffsetInSeconds")
                ? WebhookJson.wholeNumber(item, at + "startTimeOffsetInSeconds", -MAX_OFFSET_SECONDS, MAX_OFFSET_SECONDS) : 0;
        DeviceActivity activity = new DeviceActivity(Provider.GARMIN, WebhookJson.text(item, at + "summaryId"),
                ProviderSports.map(Provider.GARMIN, WebhookJson.text(item, at + "activityType")),
                OffsetDateTime.ofInstant(Instant.ofEpochSecond(start), ZoneOffset.ofTotalSeconds((int) offset)),
                WebhookJson.wholeNumber(item, at + "durationInSeconds", 1, 86_400),
                item.has("distanceInMeters") ? WebhookJson.number(item, at + "distanceInMeters", 0, 500_000) : 0,
                WebhookJson.optionalWholeNumber(item, at + "averageHeartRateInBeatsPerMinute", 20, 250));
        return new Delivered(WebhookJson.text(item, at + "userId"), activity);
    }

    /** One outcome per activity of the push, in order. */
    public record Pushed(List<String> outcomes) {
    }
}
