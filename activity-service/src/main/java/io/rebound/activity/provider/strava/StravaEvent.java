package io.rebound.activity.provider.strava;

import com.fasterxml.jackson.databind.JsonNode;
import io.rebound.activity.provider.ProviderJson;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The body Strava POSTs to the subscription's callback for each event. It says only what changed; the activity
 * itself has to be fetched with {@link StravaClient}.
 *
 * @param objectId  the activity's id for activity events, the athlete's id for athlete events
 * @param ownerId   the athlete's id
 * @param eventTime when it happened at Strava
 * @param updates   for updates, the fields that changed ({@code title}, {@code type}, {@code private}) or
 *                  {@code authorized: "false"} when the athlete revoked our access; empty otherwise
 */
public record StravaEvent(
        StravaObjectType objectType,
        long objectId,
        StravaAspectType aspectType,
        long ownerId,
        long subscriptionId,
        Instant eventTime,
        Map<String, String> updates) {

    public StravaEvent {
        Objects.requireNonNull(objectType, "objectType");
        Objects.requireNonNull(aspectType, "aspectType");
        Objects.requireNonNull(eventTime, "eventTime");
        updates = Map.copyOf(Objects.requireNonNull(updates, "updates"));
    }

    /**
     * Reads an event body. Fields Strava may add later are ignored; a missing or mistyped required field is an
     * {@link IllegalArgumentException} naming it.
     */
    public static StravaEvent parse(String json) {
        JsonNode root = ProviderJson.parseObject(json, "strava event body");
        return new StravaEvent(
                StravaObjectType.fromCode(ProviderJson.requiredString(root, "object_type")),
                ProviderJson.requiredId(root, "object_id"),
                StravaAspectType.fromCode(ProviderJson.requiredString(root, "aspect_type")),
                ProviderJson.requiredId(root, "owner_id"),
                ProviderJson.requiredId(root, "subscription_id"),
                eventTime(ProviderJson.requiredLong(root, "event_time")),
                updates(root.path("updates")));
    }

    private static Instant eventTime(long epochSecond) {
        // Checked before Instant.ofEpochSecond, which throws for seconds beyond its range.
        if (epochSecond > 100_000_000_000L || epochSecond < -100_000_000_000L) {
            throw new IllegalArgumentException("event_time must be seconds since 1970 in the year 2000 or later and"
                    + " at most 24 hours in the future, was " + epochSecond);
        }
        return ProviderJson.checkedTime("event_time", Instant.ofEpochSecond(epochSecond));
    }

    /** The athlete revoked this app's access: drop their tokens and stop fetching. */
    public boolean isDeauthorization() {
        return objectType == StravaObjectType.ATHLETE
                && aspectType == StravaAspectType.UPDATE
                && "false".equals(updates.get("authorized"));
    }

    private static Map<String, String> updates(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("updates must be an object, was " + node);
        }
        Map<String, String> updates = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (!value.isNull()) {
                // Strava sends strings ("false", "true"); a boolean or number is kept as the same text.
                updates.put(field.getKey(), value.isValueNode() ? value.asText() : value.toString());
            }
        });
        return updates;
    }
}
