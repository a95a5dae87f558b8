package io.rebound.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON form of every event. Times are ISO-8601 strings; an activity's start keeps the offset it was
 * reported with, because the runner's local date is what the plan counts.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventJson() {
    }

    public static String write(Object event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + event.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Reads an event; an unreadable payload throws {@link MalformedEventException} naming the type. */
    public static <T> T read(String json, EventType<T> type) {
        try {
            return MAPPER.readValue(json, type.payload());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException(type.type(), e);
        }
    }

    /** Parses a payload once, to check its shape and then read it; unparseable or empty throws {@link MalformedEventException}. */
    public static JsonNode tree(String json, EventType<?> type) {
        try {
            JsonNode document = MAPPER.readTree(json);
            if (document == null || document.isMissingNode()) {
                throw new MalformedEventException(type.type(), new IllegalArgumentException("empty payload"));
            }
            return document;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException(type.type(), e);
        }
    }

    /** Reads an event from an already parsed payload, as {@link #read(String, EventType)} does from text. */
    public static <T> T read(JsonNode document, EventType<T> type) {
        try {
            return MAPPER.treeToValue(document, type.payload());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException(type.type(), e);
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
