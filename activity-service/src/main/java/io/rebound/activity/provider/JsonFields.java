package io.rebound.activity.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rebound.activity.ingest.ActivityTimes;
import io.rebound.support.json.JsonErrors;
import io.rebound.support.json.Texts;
import io.rebound.support.json.TreeReaders;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads fields of a provider's JSON by name, leniently about fields it is not asked for and strictly about the ones
 * it is: every refusal is an {@link IllegalArgumentException} naming the field, the value and what was expected.
 */
public final class JsonFields {

    private static final ObjectMapper JSON = TreeReaders.strictSyntax();
    /** Longer than any id or URL a provider sends; the database's columns are 200 (ids) and 2000 (URLs). */
    private static final int MAX_TEXT = 2000;

    private JsonFields() {
    }

    /** The JSON object in {@code json}; {@code what} names the document in the message when it is not one. */
    public static JsonNode parseObject(String json, String what) {
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException(what + " is empty, expected a JSON object");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            String at = JsonErrors.fieldOf(e);
            throw new IllegalArgumentException(what + " is not JSON" + (at.isEmpty() ? "" : " at " + at) + ": "
                    + (at.isEmpty() ? "" : at + " " + JsonErrors.reason(e) + "; ") + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(what + " is " + (root == null ? "empty" : root.getNodeType())
                    + ", expected a JSON object");
        }
        return root;
    }

    /** A non-blank string field; a number is taken as its text since providers vary in how they quote ids. */
    public static String requiredText(JsonNode node, String field) {
        return text(node, field).orElseThrow(() -> missing(node, field, "a string"));
    }

    /** A non-blank string field that the provider documents as a string: a number there is refused. */
    public static String requiredString(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isMissingNode() && !value.isNull() && !value.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string, was " + value);
        }
        return requiredText(node, field);
    }

    public static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() && !value.isNumber()) {
            throw new IllegalArgumentException(field + " must be a string, was " + value);
        }
        String text = value.asText();
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException(field + " must be at most " + MAX_TEXT + " characters, was " + text.length());
        }
        Texts.problem(text).ifPresent(problem -> {
            throw new IllegalArgumentException(field + " " + problem);
        });
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    public static long requiredLong(JsonNode node, String field) {
        return longValue(node, field).orElseThrow(() -> missing(node, field, "an integer"));
    }

    /** A provider's id: a whole number of at least 1. */
    public static long requiredId(JsonNode node, String field) {
        long id = requiredLong(node, field);
        if (id < 1) {
            throw new IllegalArgumentException(field + " must be a positive id, was " + id);
        }
        return id;
    }

    /** A time within {@link ActivityTimes}' bounds, on the system's clock. */
    public static Instant checkedTime(String field, Instant time) {
        return checkedTime(ActivityTimes.system(), field, time, time);
    }

    /** A time within the bounds of {@code times}; {@code shown} is how the provider wrote it, for the message. */
    public static <T> T checkedTime(ActivityTimes times, String field, Instant time, T shown) {
        times.problem(time, shown).ifPresent(problem -> {
            throw new IllegalArgumentException(field + " " + problem);
        });
        return shown;
    }

    public static Optional<Long> longValue(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException(field + " must be an integer, was " + value);
        }
        return Optional.of(value.longValue());
    }

    public static Optional<Double> number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isNumber()) {
            throw new IllegalArgumentException(field + " must be a number, was " + value);
        }
        return Optional.of(value.doubleValue());
    }

    private static IllegalArgumentException missing(JsonNode node, String field, String expected) {
        String state = node.path(field).isNull() ? " is null" : node.has(field) ? " is blank" : " is missing";
        return new IllegalArgumentException(field + state + ", expected " + expected);
    }
}
