package io.rebound.support.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where in a document a JSON syntax error happened, so the answer can name the field (e.g. a raw NaN or a key given
 * twice), and what is wrong there.
 */
public final class JsonErrors {

    /** Jackson's words for a refused coercion, e.g. {@code Cannot coerce String value ("1800") to `java.lang.Integer`}. */
    private static final Pattern COERCE = Pattern.compile("Cannot coerce ([A-Za-z-]+) value \\((.*?)\\) to ");

    private static final Set<Class<?>> INTEGRAL = Set.of(Integer.class, int.class, Long.class, long.class,
            Short.class, short.class, Byte.class, byte.class, BigInteger.class);

    private JsonErrors() {
    }

    /** The dotted path of the field being read when the parser failed, e.g. {@code data.distanceMetres}; empty if none. */
    public static String fieldOf(JsonProcessingException e) {
        if (!(e.getProcessor() instanceof JsonParser parser)) {
            return "";
        }
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext at = parser.getParsingContext(); at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inObject() && at.getCurrentName() != null) {
                parts.addFirst(at.getCurrentName());
            } else if (at.inArray()) {
                parts.addFirst("[" + Math.max(0, at.getCurrentIndex()) + "]");
            }
        }
        return String.join(".", parts).replace(".[", "[");
    }

    /** Whether reading stopped because the document is longer than the parser's limit (a body sent without a length). */
    public static boolean overLimit(Throwable e) {
        for (Throwable at = e; at != null; at = at.getCause() == at ? null : at.getCause()) {
            if (at instanceof StreamConstraintsException limit && limit.getOriginalMessage() != null
                    && limit.getOriginalMessage().startsWith("Document length")) {
                return true;
            }
        }
        return false;
    }

    /**
     * What to tell a client whose value Jackson refused to convert to the field's type (its coercion is off), e.g.
     * "must be a whole number, not a string ("1800")"; empty for any other error.
     */
    public static Optional<String> wrongType(JsonMappingException e) {
        String message = e.getOriginalMessage();
        if (!(e instanceof MismatchedInputException mismatch) || message == null) {
            return Optional.empty();
        }
        Matcher coerce = COERCE.matcher(message);
        if (!coerce.lookingAt()) {
            return Optional.empty();
        }
        Class<?> target = mismatch.getTargetType();
        String expected = target == null ? "of another type"
                : INTEGRAL.contains(target) ? "a whole number"
                : target == Double.class || target == double.class || target == Float.class || target == float.class
                || target == BigDecimal.class ? "a number"
                : target == Boolean.class || target == boolean.class ? "true or false"
                : "of another type";
        String given = switch (coerce.group(1)) {
            case "String" -> "a string";
            case "Floating-point" -> "a fraction";
            case "Integer" -> "a number";
            case "Boolean" -> "a boolean";
            default -> coerce.group(1).toLowerCase(Locale.ROOT);
        };
        return Optional.of("must be " + expected + ", not " + given + " (" + coerce.group(2) + ")");
    }

    /** What is wrong at {@link #fieldOf} in a few words: a key given twice, or a value JSON has no word for. */
    public static String reason(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        return message != null && message.startsWith("Duplicate field") ? "appears more than once"
                : "is not a valid JSON value";
    }
}
