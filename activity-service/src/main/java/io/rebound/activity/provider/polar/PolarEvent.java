package io.rebound.activity.provider.polar;

import com.fasterxml.jackson.databind.JsonNode;
import io.rebound.activity.provider.ProviderJson;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * The body AccessLink POSTs to the webhook, e.g. {@code {"event":"EXERCISE","user_id":475,"entity_id":"aQlC83",
 * "timestamp":"2018-05-15T14:22:24Z","url":"https://www.polaraccesslink.com/v3/exercises/aQlC83"}}. The PING sent
 * when the webhook is created or changed carries only {@code event} and {@code timestamp}.
 *
 * @param event    the event type as Polar names it (EXERCISE, SLEEP, PING, ...), the same as the
 *                 {@code Polar-Webhook-Event} header
 * @param userId   Polar's user id; null for PING
 * @param entityId the exercise's (or other entity's) id; null for PING
 * @param url      where to fetch the entity, for {@link PolarClient#fetchExercise}; null for PING
 */
public record PolarEvent(String event, Long userId, String entityId, Instant timestamp, String url) {

    public static final String PING = "PING";
    public static final String EXERCISE = "EXERCISE";

    public PolarEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /**
     * Reads an event body. Fields Polar may add later are ignored; a missing or mistyped required field is an
     * {@link IllegalArgumentException} naming it.
     */
    public static PolarEvent parse(String json) {
        JsonNode root = ProviderJson.parseObject(json, "polar event body");
        String event = ProviderJson.requiredString(root, "event");
        Instant timestamp = ProviderJson.checkedTime("timestamp", timestamp(ProviderJson.requiredString(root, "timestamp")));
        if (PING.equals(event)) {
            return new PolarEvent(event, null, null, timestamp, null);
        }
        return new PolarEvent(
                event,
                ProviderJson.requiredId(root, "user_id"),
                entityId(ProviderJson.requiredString(root, "entity_id")),
                timestamp,
                ProviderJson.requiredString(root, "url"));
    }

    /** The message AccessLink sends to check the webhook answers; acknowledge it with 200 and do nothing else. */
    public boolean isPing() {
        return PING.equals(event);
    }

    public boolean isExercise() {
        return EXERCISE.equals(event);
    }

    private static String entityId(String id) {
        if (id.length() > 200) {
            throw new IllegalArgumentException("entity_id must be at most 200 characters, was " + id.length());
        }
        return id;
    }

    private static Instant timestamp(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "timestamp '" + value + "' is not an ISO-8601 date-time with offset like 2018-05-15T14:22:24Z");
        }
    }
}
