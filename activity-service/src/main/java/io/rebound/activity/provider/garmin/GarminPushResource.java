package io.rebound.activity.provider.garmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.rebound.activity.ActivityConfig;
import io.rebound.activity.ingest.DeviceActivity;
import io.rebound.activity.ingest.IngestMetrics;
import io.rebound.activity.ingest.IngestOutcome;
import io.rebound.activity.ingest.IngestService.Delivered;
import io.rebound.activity.ingest.Provider;
import io.rebound.activity.ingest.ProviderSports;
import io.rebound.activity.ingest.RefusedDelivery;
import io.rebound.activity.provider.ProviderJson;
import io.rebound.activity.provider.garmin.GarminPushService.PermissionChange;
import io.rebound.support.outbox.OutboxRelay;
import io.rebound.support.problem.Problem;
import io.rebound.support.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Garmin's pushes, at {@code /api/v1/webhooks/garmin/{secret}} (see {@link GarminPushSecret}). One body may carry
 * activity summaries ({@code activities}, {@code manuallyUpdatedActivities}: {@code [{userId, summaryId, activityType,
 * startTimeInSeconds, startTimeOffsetInSeconds, durationInSeconds, distanceInMeters,
 * averageHeartRateInBeatsPerMinute}]}), user deregistrations ({@code deregistrations: [{userId}]}) and permission
 * changes ({@code userPermissionsChange: [{userId, permissions, changeTimeInSeconds}]}).
 *
 * <p>Each summary stands on its own: a bad one is refused (recorded, counted, logged, named in the answer) and the
 * others are stored; the answer is 200 once everything good is stored, so Garmin, which re-sends a push only when it
 * gets another status, sends none of it again. A body that is not such a push at all is refused whole.
 */
@Path("/api/v1/webhooks/garmin")
@Produces(MediaType.APPLICATION_JSON)
public class GarminPushResource {

    static final String REFUSED = "refused";
    private static final List<String> SUMMARY_LISTS = List.of("activities", "manuallyUpdatedActivities");
    private static final int MAX_OFFSET_SECONDS = 18 * 3600;

    private final GarminPushSecret secret;
    private final GarminPushService pushes;
    private final OutboxRelay relay;
    private final ObjectMapper json;
    private final IngestMetrics metrics;

    public GarminPushResource(ActivityConfig config, GarminPushService pushes, OutboxRelay relay, ObjectMapper json, IngestMetrics metrics) {
        this.secret = new GarminPushSecret(config.garmin().pushSecret().orElse(List.of()));
        this.pushes = pushes;
        this.relay = relay;
        this.json = json;
        this.metrics = metrics;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Garmin push without our secret in the path: always refused")
    public Uni<Pushed> withoutSecret(byte[] body) {
        throw refused();
    }

    @POST
    @Path("{secret}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Garmin push: activity summaries, deregistrations, permission changes",
            description = "The path ends with our secret, as configured at Garmin. 200 once every good summary is"
                    + " stored; a bad summary is refused on its own and named in 'refused'.")
    public Uni<Pushed> push(@PathParam("secret") String given, byte[] body) {
        if (!secret.matches(given)) {
            throw refused();
        }
        JsonNode root = ProviderJson.parse(json, ProviderJson.bodyText(body));
        Instant now = Instant.now();
        List<Delivered> deliveries = new ArrayList<>();
        List<Integer> storedAt = new ArrayList<>();
        List<Refusal> refusals = new ArrayList<>();
        List<RefusedDelivery> records = new ArrayList<>();
        List<String> deregistered = new ArrayList<>();
        List<PermissionChange> changes = new ArrayList<>();
        int summaries = 0;
        boolean any = false;
        for (String list : SUMMARY_LISTS) {
            if (!root.has(list)) {
                continue;
            }
            any = true;
            JsonNode items = ProviderJson.array(root, list);
            for (int i = 0; i < items.size(); i++, summaries++) {
                JsonNode item = item(items, list, i);
                String at = list + "[" + i + "].";
                try {
                    deliveries.add(activity(item, at));
                    storedAt.add(summaries);
                } catch (ProblemException bad) {
                    Refusal refusal = Refusal.of(summaries, item, bad);
                    refusals.add(refusal);
                    records.add(RefusedDelivery.of(Provider.GARMIN, usable(item, "userId"), refusal.summaryId(),
                            refusal.field(), refusal.reason(), item.toString(), now));
                }
            }
        }
        if (root.has("deregistrations")) {
            any = true;
            JsonNode items = ProviderJson.array(root, "deregistrations");
            for (int i = 0; i < items.size(); i++) {
                deregistered.add(ProviderJson.text(item(items, "deregistrations", i), "deregistrations[" + i + "].userId"));
            }
        }
        if (root.has("userPermissionsChange")) {
            any = true;
            JsonNode items = ProviderJson.array(root, "userPermissionsChange");
            for (int i = 0; i < items.size(); i++) {
                changes.add(permissionChange(item(items, "userPermissionsChange", i), "userPermissionsChange[" + i + "]."));
            }
        }
        if (!any) {
            throw ProblemException.invalid("activities", "is required and must be an array (or one of"
                    + " manuallyUpdatedActivities, deregistrations, userPermissionsChange)");
        }
        int count = summaries;
        return pushes.apply(deliveries, records, deregistered, changes).invoke(relay::wakeUp).map(applied -> {
            metrics.counted(Provider.GARMIN, applied.outcomes());
            refusals.forEach(refusal -> {
                metrics.counted(Provider.GARMIN, IngestMetrics.REJECTED);
                Log.warnf("garmin push: summary %s refused, the rest of the push stored: %s %s", refusal.summaryId(),
                        refusal.field(), refusal.reason());
            });
            return Pushed.of(count, storedAt, applied, refusals);
        });
    }

    private ProblemException refused() {
        metrics.signatureFailed(Provider.GARMIN);
        return new ProblemException(401, "Unknown push URL", "Garmin pushes are taken only at"
                + " /api/v1/webhooks/garmin/{secret}, with the secret configured at Garmin", List.of());
    }

    /** A summary list's item; anything but an object means the body is not a push, and is refused whole. */
    private static JsonNode item(JsonNode items, String list, int index) {
        JsonNode item = items.get(index);
        if (!item.isObject()) {
            throw ProblemException.invalid(list + "[" + index + "]", "must be an object");
        }
        return item;
    }

    private static Delivered activity(JsonNode item, String at) {
        long start = ProviderJson.wholeNumber(item, at + "startTimeInSeconds", 946_684_800L, 4_102_444_800L);
        ProviderJson.checkTime(at + "startTimeInSeconds", Instant.ofEpochSecond(start), start + " = " + Instant.ofEpochSecond(start));
        long offset = item.has("startTimeOffsetInSeconds")
                ? ProviderJson.wholeNumber(item, at + "startTimeOffsetInSeconds", -MAX_OFFSET_SECONDS, MAX_OFFSET_SECONDS) : 0;
        DeviceActivity activity = new DeviceActivity(Provider.GARMIN, ProviderJson.text(item, at + "summaryId"),
                ProviderSports.map(Provider.GARMIN, ProviderJson.text(item, at + "activityType")),
                OffsetDateTime.ofInstant(Instant.ofEpochSecond(start), ZoneOffset.ofTotalSeconds((int) offset)),
                ProviderJson.wholeNumber(item, at + "durationInSeconds", 1, 86_400),
                item.has("distanceInMeters") ? ProviderJson.number(item, at + "distanceInMeters", 0, 500_000) : 0,
                ProviderJson.optionalWholeNumber(item, at + "averageHeartRateInBeatsPerMinute", 20, 250));
        return new Delivered(ProviderJson.text(item, at + "userId"), activity);
    }

    private static PermissionChange permissionChange(JsonNode item, String at) {
        String userId = ProviderJson.text(item, at + "userId");
        JsonNode permissions = ProviderJson.array(item, at + "permissions");
        List<String> names = new ArrayList<>();
        for (Iterator<JsonNode> it = permissions.elements(); it.hasNext(); ) {
            JsonNode permission = it.next();
            if (!permission.isTextual() || !permission.asText().matches("[A-Z_]{1,64}")) {
                throw ProblemException.invalid(at + "permissions", "must be permission names like ACTIVITY_EXPORT");
            }
            names.add(permission.asText());
        }
        Instant changedAt = item.hasNonNull("changeTimeInSeconds") ? Instant.ofEpochSecond(
                ProviderJson.wholeNumber(item, at + "changeTimeInSeconds", 946_684_800L, 4_102_444_800L)) : null;
        return new PermissionChange(userId, names, changedAt);
    }

    /** A field's text when it is one we could have stored, else null. */
    private static String usable(JsonNode item, String field) {
        try {
            return ProviderJson.text(item, field);
        } catch (ProblemException unusable) {
            return null;
        }
    }

    /** One summary refused on its own: where in the push, its summaryId when usable, the field at fault and why. */
    public record Refusal(int index, String summaryId, String field, String reason) {

        static Refusal of(int index, JsonNode item, ProblemException bad) {
            Problem.FieldError error = bad.errors().isEmpty() ? new Problem.FieldError("(summary)", bad.getMessage())
                    : bad.errors().get(0);
            return new Refusal(index, usable(item, "summaryId"), error.field(), error.message());
        }
    }

    /**
     * The answer: per summary, in the push's order (activities, then manuallyUpdatedActivities), its outcome
     * ({@code refused} for one refused on its own) and the activity it is stored as; the refusals with their reasons;
     * how many deregistrations and permission changes were applied.
     */
    public record Pushed(List<String> outcomes, List<UUID> activityIds, List<Refusal> refused, int deregistered,
            int permissionChanges) {

        static Pushed of(int summaries, List<Integer> storedAt, GarminPushService.Applied applied, List<Refusal> refused) {
            List<String> outcomes = new ArrayList<>();
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < summaries; i++) {
                outcomes.add(REFUSED);
                ids.add(null);
            }
            for (int i = 0; i < storedAt.size(); i++) {
                IngestOutcome outcome = applied.outcomes().get(i);
                outcomes.set(storedAt.get(i), outcome.result().code());
                ids.set(storedAt.get(i), outcome.activityId());
            }
            return new Pushed(outcomes, ids, refused, applied.deregistered(), applied.permissionChanges());
        }
    }
}
