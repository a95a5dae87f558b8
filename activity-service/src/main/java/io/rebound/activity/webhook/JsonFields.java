package io.rebound.activity.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * Reads fields of a provider's JSON by name, leniently about fields it is not asked for and strictly about the ones
 * it is: every refusal is an {@link IllegalArgumentException} naming the field, the value and what was expected.
 */
public final class JsonFields {

    private static final ObjectMapper JSON = new ObjectMapper();

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
            throw new IllegalArgumentException(what + " is not JSON: " + e.getOriginalMessage());
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

    public static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() && !value.isNumber()) {
            throw new IllegalArgumentException(field + " must be a string, was " + value);
        }
        String text = value.asText();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    public static long requiredLong(JsonNode node, String field) {
        return longValue(node, field).orElseThrow(() -> missing(node, field, "an integer"));
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
