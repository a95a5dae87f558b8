package io.rebound.support.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.rebound.events.CloudEvents;
import io.rebound.events.EventJson;
import io.rebound.events.EventSchemas;
import io.rebound.events.EventType;
import io.rebound.events.MalformedEventException;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.header.Headers;

/** Reading and applying events from Kafka the same way in every consumer. */
public final class IncomingEvents {

    private IncomingEvents() {
    }

    /**
     * Reads a record (its headers and value) as the expected event type. A record without a {@code ce_id}, of another type or with an
     * unreadable payload throws {@link MalformedEventException}: the channel's failure strategy then sends it to
     * the dead-letter topic, and the records behind it keep flowing.
     */
    public static <T> Received<T> read(Headers headers, String value, EventType<T> type) {
        String id = CloudEvents.header(headers, CloudEvents.ID)
                .orElseThrow(() -> new MalformedEventException(type.type(), new IllegalArgumentException("no ce_id header")));
        String actualType = CloudEvents.header(headers, CloudEvents.TYPE).orElse("(none)");
        if (!actualType.equals(type.type())) {
            throw new MalformedEventException(type.type(),
                    new IllegalArgumentException("record has ce_type " + actualType));
        }
        if (value == null) {
            throw new MalformedEventException(type.type(), new IllegalArgumentException("record has no value"));
        }
        // Checked before reading: a record of the wrong shape would otherwise fail later, in the database, and be
        // retried as if the database were down, holding up every record behind it.
        JsonNode document = EventJson.tree(value, type);
        List<String> violations = EventSchemas.readerViolations(type, document);
        if (!violations.isEmpty()) {
            throw new MalformedEventException(type.type(),
                    new IllegalArgumentException("record does not match the event's schema: " + violations));
        }
        return new Received<>(id, EventJson.read(document, type));
    }

    /** The {@code ce_type} among these headers; empty string when absent. */
    public static String typeOf(Headers headers) {
        return CloudEvents.header(headers, CloudEvents.TYPE).orElse("");
    }

    /**
     * Retries an effect that failed for a passing reason (database or broker unavailable) with backoff, so a
     * short outage delays events instead of dead-lettering them. Malformed events are not retried.
     */
    public static <T> Uni<T> retryingTransientFailures(Uni<T> effect) {
        return effect.onFailure(failure -> !(failure instanceof MalformedEventException))
                .retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).atMost(30);
    }

    /** An event and its CloudEvents id. */
    public record Received<T>(String id, T event) {
    }
}
