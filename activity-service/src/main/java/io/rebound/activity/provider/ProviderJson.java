package io.rebound.activity.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rebound.activity.ingest.ActivityTimes;
import io.rebound.support.json.JsonErrors;
import io.rebound.support.json.Texts;
import io.rebound.support.json.TreeReaders;
import io.rebound.support.problem.Problem;
import io.rebound.support.problem.ProblemException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads what providers send as JSON, field by field: a missing or wrong field is refused by name, unknown fields
 * are ignored. Two kinds of refusal, after who hears of it:
 * <ul>
 * <li>a webhook body we answer (Garmin's push, Standard Webhooks): a {@link ProblemException}, 400 naming the JSON
 * path ({@link #parse}, {@link #text}, {@link #wholeNumber}, ...);</li>
 * <li>a document we parse into a record (Strava's and Polar's events and activities, token answers): an
 * {@link IllegalArgumentException} naming the field, the value and what was expected, which the caller turns into
 * its own answer ({@link #parseObject}, {@link #requiredText}, {@link #optionalText}, ...).</li>
 * </ul>
 */
public final class ProviderJson {

    /** Webhook bodies are small; anything bigger is not a webhook. */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    private static final ObjectMapper JSON = TreeReaders.strictSyntax();
    /** Longer than any id or URL a provider sends; the database's columns are 200 (ids) and 2000 (URLs). */
    private static final int MAX_TEXT = 2000;

    private ProviderJson() {
    }

    public static void checkSize(byte[] body) {
        if (body.length > MAX_BODY_BYTES) {
            throw new ProblemException(413, "Body too large", "a webhook body may be at most " + MAX_BODY_BYTES
                    + " bytes (got " + body.length + ")", List.of());
        }
    }

    /**
     * A webhook body's text, after its size is checked: strictly UTF-8, so a malformed byte is refused rather than
     * quietly turned into a replacement character and stored.
     */
    public static String bodyText(byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        checkSize(raw);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.invalid("(body)", "must be UTF-8 text: " + malformedAt(raw));
        }
    }

    /** Where the first malformed byte sequence is, for the message. */
    private static String malformedAt(byte[] raw) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        CharBuffer out = CharBuffer.allocate(raw.length + 1);
        ByteBuffer in = ByteBuffer.wrap(raw);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        return result.isError() ? "the bytes at offset " + in.position() + " are not a UTF-8 character"
                : "it is not valid UTF-8";
    }

    public static JsonNode parse(ObjectMapper json, String body) {
        try {
            JsonNode root = body == null || body.isBlank() ? null : json.readTree(body);
            if (root == null || !root.isObject()) {
                throw ProblemException.invalid("(body)", "must be a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            String at = JsonErrors.fieldOf(e);
            throw new ProblemException(400, "Malformed JSON", "the body is not valid JSON" + (at.isEmpty() ? "" : " at " + at)
                    + ": " + e.getOriginalMessage(), at.isEmpty() ? List.of()
                    : List.of(new Problem.FieldError(at, JsonErrors.reason(e))));
        }
    }

    public static JsonNode object(JsonNode node, String field) {
        JsonNode value = node.get(leaf(field));
        if (value == null || !value.isObject()) {
            throw ProblemException.invalid(field, "is required and must be an object");
        }
        return value;
    }

    public static JsonNode array(JsonNode node, String field) {
        JsonNode value = node.get(leaf(field));
        if (value == null || !value.isArray()) {
            throw ProblemException.invalid(field, "is required and must be an array");
        }
        return value;
    }

    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(leaf(field));
        if (value == null || value.isNull() || value.isTextual() && value.asText().isBlank()) {
            throw ProblemException.invalid(field, "is required");
        }
        if (!value.isTextual()) {
            throw ProblemException.invalid(field, "must be a string, not " + value.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        if (value.asText().length() > 200) {
            throw ProblemException.invalid(field, "must be at most 200 characters");
        }
        Texts.problem(value.asText()).ifPresent(problem -> {
            throw ProblemException.invalid(field, problem);
        });
        return value.asText();
    }

    public static long wholeNumber(JsonNode node, String field, long min, long max) {
        JsonNode value = node.get(leaf(field));
        if (value == null || !value.canConvertToLong() || !value.isIntegralNumber()) {
            throw ProblemException.invalid(field, "is required and must be a whole number");
        }
        return inRange(field, value.asLong(), min, max);
    }

    public static Integer optionalWholeNumber(JsonNode node, String field, long min, long max) {
        JsonNode value = node.get(leaf(field));
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber()) {
            throw ProblemException.invalid(field, "must be a whole number");
        }
        return (int) inRange(field, value.asLong(), min, max);
    }

    public static double number(JsonNode node, String field, double min, double max) {
        JsonNode value = node.get(leaf(field));
        if (value == null || !value.isNumber() || !Double.isFinite(value.asDouble())) {
            throw ProblemException.invalid(field, "is required and must be a number");
        }
        double number = value.asDouble();
        if (number < min || number > max) {
            throw ProblemException.invalid(field, "must be between " + min + " and " + max + " (got " + number + ")");
        }
        return number;
    }

    /** A time with an offset, within {@link ActivityTimes}' bounds. */
    public static OffsetDateTime time(JsonNode node, String field) {
        String value = text(node, field);
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be an ISO-8601 time with an offset, e.g. 2026-11-03T07:15:00-06:00"
                    + " (got '" + value + "')");
        }
        checkTime(field, time.toInstant(), value);
        return time;
    }

    /** Refuses {@code time} naming {@code field} when it is outside {@link ActivityTimes}' bounds. */
    public static void checkTime(String field, Instant time, Object shown) {
        ActivityTimes.system().problem(time, shown).ifPresent(problem -> {
            throw ProblemException.invalid(field, problem);
        });
    }

    private static long inRange(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw ProblemException.invalid(field, "must be between " + min + " and " + max + " (got " + value + ")");
        }
        return value;
    }

    private static String leaf(String path) {
        int dot = path.lastIndexOf('.');
        String last = dot < 0 ? path : path.substring(dot + 1);
        int bracket = last.indexOf('[');
        return bracket < 0 ? last : last.substring(0, bracket);
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
        return optionalText(node, field).orElseThrow(() -> missing(node, field, "a string"));
    }

    /** A non-blank string field that the provider documents as a string: a number there is refused. */
    public static String requiredString(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isMissingNode() && !value.isNull() && !value.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string, was " + value);
        }
        return requiredText(node, field);
    }

    public static Optional<String> optionalText(JsonNode node, String field) {
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
        return optionalLong(node, field).orElseThrow(() -> missing(node, field, "an integer"));
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

    public static Optional<Long> optionalLong(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException(field + " must be an integer, was " + value);
        }
        return Optional.of(value.longValue());
    }

    public static Optional<Double> optionalNumber(JsonNode node, String field) {
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
