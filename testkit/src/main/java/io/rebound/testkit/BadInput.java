package io.rebound.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A table of bad requests built from one good JSON body: for the body as a whole (malformed, the wrong JSON type,
 * too deep, too large) and for each field by its kind (missing, null, the wrong type, and the values of its kind
 * that must be refused: unicode tricks in ids, negative, NaN and infinite numbers, far-future and far-past dates,
 * unknown enum values...). The bad-input suites of the services send every case and expect a clean 4xx.
 */
public final class BadInput {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RAW = "@@raw@@";

    /** What a field holds, which decides the bad values tried on it. */
    public enum Kind {
        /** An identifier with a restricted alphabet (a runnerId, a provider user id...): no unicode at all. */
        ID,
        /** Free text (a name): any printable unicode is fine, but not NUL, lone surrogates or more than its limit. */
        TEXT,
        EMAIL,
        /** A whole number with a range. */
        INTEGER,
        /** A number with a range. */
        NUMBER,
        BOOLEAN,
        /** A point in time with an offset, ISO-8601. */
        TIMESTAMP,
        /** A calendar date, ISO-8601. */
        DATE,
        /** An IANA time zone id. */
        ZONE,
        /** One of a closed set of lower-case codes. */
        ENUM,
        /** A local time of day, HH:mm. */
        TIME,
        /** A nested object, tried only as missing, null and of the wrong type. */
        OBJECT
    }

    /**
     * A field of the body.
     *
     * @param path dotted path from the body's root, e.g. {@code peakWeek.distance} or {@code activities.0.userId}
     * @param min the smallest good value of a number (null: no bound to cross)
     * @param max the largest good value of a number, or the longest text (null: none to cross)
     */
    public record Field(String path, Kind kind, boolean required, Double min, Double max) {

        public static Field of(String path, Kind kind) {
            return new Field(path, kind, true, null, null);
        }

        public static Field optional(String path, Kind kind) {
            return new Field(path, kind, false, null, null);
        }

        public Field between(double min, double max) {
            return new Field(path, kind, required, min, max);
        }

        public Field atLeast(double min) {
            return new Field(path, kind, required, min, max);
        }

        public Field atMost(double max) {
            return new Field(path, kind, required, min, max);
        }

        /** The last segment of the path: what a problem's errors name. */
        public String name() {
            return path.substring(path.lastIndexOf('.') + 1);
        }
    }

    /**
     * One bad request body.
     *
     * @param field the field at fault, or null when the body as a whole is
     */
    public record Case(String name, String field, String body) {

        @Override
        public String toString() {
            return name;
        }
    }

    private BadInput() {
    }

    /** Every case for one endpoint: the body broken as a whole ({@link #malformed}), then each field ({@link #fields}). */
    public static List<Case> all(String good, long maxBytes, List<Field> fields) {
        List<Case> cases = new ArrayList<>(malformed(good, maxBytes));
        cases.addAll(fields(good, fields));
        return cases;
    }

    /** Bodies that are bad as a whole, for any endpoint that takes JSON; {@code maxBytes} is the body limit. */
    public static List<Case> malformed(String good, long maxBytes) {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("empty body", null, ""));
        cases.add(new Case("whitespace only", null, "  \n "));
        cases.add(new Case("truncated", null, good.substring(0, good.length() / 2)));
        cases.add(new Case("trailing comma", null, "{\"a\": 1,}"));
        cases.add(new Case("single quotes", null, good.replace('"', '\'')));
        cases.add(new Case("unquoted keys", null, "{runnerId: 1}"));
        cases.add(new Case("JSON null", null, "null"));
        cases.add(new Case("JSON array", null, "[" + good + "]"));
        cases.add(new Case("JSON string", null, "\"" + good.replace("\"", "\\\"").replace("\n", " ") + "\""));
        cases.add(new Case("JSON number", null, "42"));
        cases.add(new Case("JSON true", null, "true"));
        cases.add(new Case("two documents", null, good + good));
        cases.add(new Case("NUL byte", null, "\u0000"));
        cases.add(new Case("comment", null, "/* hi */ " + good));
        cases.add(new Case("nesting 5000 deep", null, "[".repeat(5000) + "]".repeat(5000)));
        cases.add(new Case("object nesting 2000 deep", null, "{\"a\":".repeat(2000) + "1" + "}".repeat(2000)));
        cases.add(new Case("body over the limit", null, oversized(good, maxBytes)));
        return cases;
    }

    /** Every case for each of the fields, on top of {@code good}. */
    public static List<Case> fields(String good, List<Field> fields) {
        List<Case> cases = new ArrayList<>();
        for (Field field : fields) {
            cases.addAll(forField(good, field));
        }
        return cases;
    }

    public static List<Case> forField(String good, Field field) {
        List<Case> cases = new ArrayList<>();
        String f = field.path();
        if (field.required()) {
            cases.add(new Case(f + " missing", f, without(good, f)));
            cases.add(new Case(f + " null", f, raw(good, f, "null")));
        }
        JsonNode present = valueAt(good, f);
        if (present != null) {
            String value = write(present);
            cases.add(new Case(f + " given twice", f, raw(good, f, value + ", \"" + leaf(f) + "\": " + value)));
        }
        boolean textual = switch (field.kind()) {
            case ID, TEXT, EMAIL, TIMESTAMP, DATE, ZONE, ENUM, TIME -> true;
            default -> false;
        };
        if (field.kind() != Kind.OBJECT) {
            cases.add(new Case(f + " as an object", f, raw(good, f, "{\"value\": 1}")));
        }
        cases.add(new Case(f + " as an array", f, raw(good, f, "[1, 2]")));
        if (!textual && field.kind() != Kind.OBJECT) {
            cases.add(new Case(f + " as words", f, raw(good, f, "\"lots\"")));
        }
        if (field.kind() != Kind.OBJECT && field.kind() != Kind.BOOLEAN && field.kind() != Kind.TEXT) {
            cases.add(new Case(f + " empty string", f, raw(good, f, "\"\"")));
        }
        switch (field.kind()) {
            case ID -> {
                cases.add(new Case(f + " blank", f, raw(good, f, "\"   \"")));
                cases.add(new Case(f + " with a space", f, raw(good, f, "\"sam smith\"")));
                cases.add(new Case(f + " 65 characters", f, raw(good, f, "\"" + "r".repeat(65) + "\"")));
                cases.add(new Case(f + " 100000 characters", f, raw(good, f, "\"" + "r".repeat(100_000) + "\"")));
                cases.add(new Case(f + " right-to-left override", f, raw(good, f, "\"sam\\u202Egnp.exe\"")));
                cases.add(new Case(f + " zero-width space", f, raw(good, f, "\"sa\\u200Bm\"")));
                cases.add(new Case(f + " NUL", f, raw(good, f, "\"sam\\u0000\"")));
                cases.add(new Case(f + " C1 control character", f, raw(good, f, "\"sam\\u009B\"")));
                cases.add(new Case(f + " lone high surrogate", f, raw(good, f, "\"sam\\uD800\"")));
                cases.add(new Case(f + " lone low surrogate", f, raw(good, f, "\"\\uDC00sam\"")));
                cases.add(new Case(f + " emoji", f, raw(good, f, "\"sam\\uD83C\\uDFC3\"")));
                cases.add(new Case(f + " fullwidth letters", f, raw(good, f, "\"\\uFF53\\uFF41\\uFF4D\"")));
                cases.add(new Case(f + " path traversal", f, raw(good, f, "\"../../etc/passwd\"")));
                cases.add(new Case(f + " markup", f, raw(good, f, "\"<script>alert(1)</script>\"")));
                cases.add(new Case(f + " SQL", f, raw(good, f, "\"x'; DROP TABLE plan; --\"")));
            }
            case TEXT -> {
                cases.add(new Case(f + " NUL", f, raw(good, f, "\"Sam\\u0000Smith\"")));
                cases.add(new Case(f + " C1 control character", f, raw(good, f, "\"Sam\\u009B31mSmith\"")));
                cases.add(new Case(f + " next-line control character", f, raw(good, f, "\"Sam\\u0085Smith\"")));
                cases.add(new Case(f + " lone surrogate", f, raw(good, f, "\"Sam \\uD800\"")));
                int longest = field.max() == null ? 10_000 : field.max().intValue();
                cases.add(new Case(f + " over " + longest + " characters", f,
                        raw(good, f, "\"" + "S".repeat(longest + 1) + "\"")));
            }
            case EMAIL -> {
                cases.add(new Case(f + " without @", f, raw(good, f, "\"sam.example.org\"")));
                cases.add(new Case(f + " two @", f, raw(good, f, "\"sam@@example.org\"")));
                cases.add(new Case(f + " NUL", f, raw(good, f, "\"sam\\u0000@example.org\"")));
                cases.add(new Case(f + " C1 control character", f, raw(good, f, "\"sam\\u009B@example.org\"")));
                cases.add(new Case(f + " lone surrogate", f, raw(good, f, "\"sam\\uD800@example.org\"")));
                cases.add(new Case(f + " header injection", f, raw(good, f, "\"sam@example.org\\r\\nBcc: x@evil.example\"")));
                cases.add(new Case(f + " 300 characters", f, raw(good, f, "\"" + "s".repeat(288) + "@example.org\"")));
            }
            case INTEGER, NUMBER -> {
                cases.add(new Case(f + " NaN", f, raw(good, f, "NaN")));
                cases.add(new Case(f + " \"NaN\"", f, raw(good, f, "\"NaN\"")));
                cases.add(new Case(f + " Infinity", f, raw(good, f, "Infinity")));
                cases.add(new Case(f + " \"Infinity\"", f, raw(good, f, "\"Infinity\"")));
                cases.add(new Case(f + " -Infinity", f, raw(good, f, "-Infinity")));
                cases.add(new Case(f + " \"-Infinity\"", f, raw(good, f, "\"-Infinity\"")));
                cases.add(new Case(f + " 1e309", f, raw(good, f, "1e309")));
                cases.add(new Case(f + " 30 digits", f, raw(good, f, "123456789012345678901234567890")));
                cases.add(new Case(f + " 1000-digit number", f, raw(good, f, "9".repeat(1000))));
                cases.add(new Case(f + " hex", f, raw(good, f, "0x10")));
                if (field.min() != null) {
                    cases.add(new Case(f + " below its minimum", f, raw(good, f, number(field.min() - 1))));
                    if (field.min() >= 0) {
                        cases.add(new Case(f + " negative", f, raw(good, f, "-5")));
                        cases.add(new Case(f + " huge negative", f, raw(good, f, "-9223372036854775808")));
                    }
                }
                if (field.max() != null) {
                    cases.add(new Case(f + " above its maximum", f, raw(good, f, number(field.max() + 1))));
                    cases.add(new Case(f + " huge", f, raw(good, f, "9223372036854775807")));
                }
            }
            case BOOLEAN -> {
                cases.add(new Case(f + " \"maybe\"", f, raw(good, f, "\"maybe\"")));
            }
            case TIMESTAMP -> {
                cases.add(new Case(f + " year 9999", f, raw(good, f, "\"9999-12-31T23:59:59Z\"")));
                cases.add(new Case(f + " year +999999999", f, raw(good, f, "\"+999999999-12-31T23:59:59Z\"")));
                cases.add(new Case(f + " year 1", f, raw(good, f, "\"0001-01-01T00:00:00Z\"")));
                cases.add(new Case(f + " year -999999999", f, raw(good, f, "\"-999999999-01-01T00:00:00Z\"")));
                cases.add(new Case(f + " month 13", f, raw(good, f, "\"2026-13-01T07:00:00Z\"")));
                cases.add(new Case(f + " 30 February", f, raw(good, f, "\"2026-02-30T07:00:00Z\"")));
                cases.add(new Case(f + " hour 25", f, raw(good, f, "\"2026-11-03T25:00:00Z\"")));
                cases.add(new Case(f + " offset +25:00", f, raw(good, f, "\"2026-11-03T07:00:00+25:00\"")));
                cases.add(new Case(f + " words", f, raw(good, f, "\"yesterday\"")));
                cases.add(new Case(f + " epoch number far ahead", f, raw(good, f, "99999999999999")));
            }
            case DATE -> {
                cases.add(new Case(f + " year 9999", f, raw(good, f, "\"9999-12-31\"")));
                cases.add(new Case(f + " year +999999999", f, raw(good, f, "\"+999999999-12-31\"")));
                cases.add(new Case(f + " year 1", f, raw(good, f, "\"0001-01-01\"")));
                cases.add(new Case(f + " year -999999999", f, raw(good, f, "\"-999999999-01-01\"")));
                cases.add(new Case(f + " 30 February", f, raw(good, f, "\"2026-02-30\"")));
                cases.add(new Case(f + " month 13", f, raw(good, f, "\"2026-13-01\"")));
                cases.add(new Case(f + " words", f, raw(good, f, "\"next sunday\"")));
                cases.add(new Case(f + " with a time", f, raw(good, f, "\"2026-11-03T07:00:00Z\"")));
                cases.add(new Case(f + " number", f, raw(good, f, "20261103")));
            }
            case ZONE -> {
                cases.add(new Case(f + " unknown zone", f, raw(good, f, "\"Mars/Olympus_Mons\"")));
                cases.add(new Case(f + " path", f, raw(good, f, "\"../../../etc/localtime\"")));
                cases.add(new Case(f + " NUL", f, raw(good, f, "\"Europe/Paris\\u0000\"")));
                cases.add(new Case(f + " offset +25:00", f, raw(good, f, "\"+25:00\"")));
                cases.add(new Case(f + " 1000 characters", f, raw(good, f, "\"" + "Z".repeat(1000) + "\"")));
                cases.add(new Case(f + " number", f, raw(good, f, "3")));
            }
            case ENUM -> {
                cases.add(new Case(f + " unknown value", f, raw(good, f, "\"teleport\"")));
                cases.add(new Case(f + " NUL", f, raw(good, f, "\"run\\u0000\"")));
                cases.add(new Case(f + " fullwidth", f, raw(good, f, "\"\\uFF52\\uFF55\\uFF4E\"")));
                cases.add(new Case(f + " zero-width", f, raw(good, f, "\"r\\u200Bun\"")));
                cases.add(new Case(f + " number", f, raw(good, f, "3")));
            }
            case TIME -> {
                cases.add(new Case(f + " hour 25", f, raw(good, f, "\"25:00\"")));
                cases.add(new Case(f + " minute 60", f, raw(good, f, "\"07:60\"")));
                cases.add(new Case(f + " words", f, raw(good, f, "\"7am\"")));
                cases.add(new Case(f + " negative", f, raw(good, f, "\"-01:00\"")));
            }
            case OBJECT -> {
                cases.add(new Case(f + " as a string", f, raw(good, f, "\"{}\"")));
                cases.add(new Case(f + " as a number", f, raw(good, f, "7")));
            }
        }
        return cases;
    }

    /**
     * Values of another JSON type than the API names, which a lenient reader would turn into one of the right type:
     * a quoted or fractional whole number, a number or boolean for a string, {@code 1} or {@code "true"} for a
     * boolean, epoch numbers and arrays for times, and an enum with spaces or a NUL around its good value. Built from
     * each field's good value (a field the good body leaves out is skipped). For bodies read as the API's types;
     * providers' webhooks, read field by field, take some of these on purpose.
     */
    public static List<Case> types(String good, List<Field> fields) {
        List<Case> cases = new ArrayList<>();
        for (Field field : fields) {
            JsonNode present = valueAt(good, field.path());
            if (present == null || present.isNull() || present.isContainerNode()) {
                continue;
            }
            String f = field.path();
            String v = present.asText();
            switch (field.kind()) {
                case INTEGER -> {
                    cases.add(new Case(f + " as a quoted number", f, raw(good, f, "\"" + v + "\"")));
                    cases.add(new Case(f + " with a fraction", f, raw(good, f, v + ".5")));
                    cases.add(new Case(f + " as a boolean", f, raw(good, f, "true")));
                }
                case NUMBER -> {
                    cases.add(new Case(f + " as a quoted number", f, raw(good, f, "\"" + v + "\"")));
                    cases.add(new Case(f + " as a boolean", f, raw(good, f, "true")));
                }
                case BOOLEAN -> {
                    cases.add(new Case(f + " as 1", f, raw(good, f, "1")));
                    cases.add(new Case(f + " as 0", f, raw(good, f, "0")));
                    cases.add(new Case(f + " as \"true\"", f, raw(good, f, "\"true\"")));
                }
                case ID, TEXT, EMAIL, ZONE -> {
                    cases.add(new Case(f + " as a number", f, raw(good, f, "42")));
                    cases.add(new Case(f + " as a boolean", f, raw(good, f, "true")));
                }
                case ENUM -> {
                    cases.add(new Case(f + " with a space before", f, raw(good, f, "\" " + v + "\"")));
                    cases.add(new Case(f + " with a space after", f, raw(good, f, "\"" + v + " \"")));
                    cases.add(new Case(f + " with a trailing NUL", f, raw(good, f, "\"" + v + "\\u0000\"")));
                    cases.add(new Case(f + " with a trailing C1 control", f, raw(good, f, "\"" + v + "\\u0085\"")));
                    cases.add(new Case(f + " as a boolean", f, raw(good, f, "true")));
                }
                case TIMESTAMP -> {
                    OffsetDateTime time = OffsetDateTime.parse(v);
                    cases.add(new Case(f + " as epoch seconds", f, raw(good, f, Long.toString(time.toEpochSecond()))));
                    cases.add(new Case(f + " as an array", f, raw(good, f, "[" + time.getYear() + ", "
                            + time.getMonthValue() + ", " + time.getDayOfMonth() + ", " + time.getHour() + ", 0]")));
                }
                case DATE -> {
                    LocalDate date = LocalDate.parse(v);
                    cases.add(new Case(f + " as epoch days", f, raw(good, f, Long.toString(date.toEpochDay()))));
                    cases.add(new Case(f + " as an array", f, raw(good, f, "[" + date.getYear() + ", "
                            + date.getMonthValue() + ", " + date.getDayOfMonth() + "]")));
                }
                case TIME -> {
                    LocalTime time = LocalTime.parse(v);
                    cases.add(new Case(f + " as seconds of the day", f, raw(good, f, Integer.toString(time.toSecondOfDay()))));
                    cases.add(new Case(f + " as an array", f, raw(good, f, "[" + time.getHour() + ", "
                            + time.getMinute() + "]")));
                }
                default -> {
                }
            }
        }
        return cases;
    }

    /** {@code good} with a field {@code padding} added, so it is {@code bytes} long or a little longer. */
    public static String padded(String good, long bytes) {
        return oversized(good, bytes - 1);
    }

    /** {@code good} with the field at {@code path} replaced by the raw JSON text {@code value}. */
    public static String raw(String good, String path, String value) {
        ObjectNode root = tree(good);
        ObjectNode parent = parent(root, path);
        parent.set(leaf(path), TextNode.valueOf(RAW));
        return write(root).replace("\"" + RAW + "\"", value);
    }

    /** {@code good} without the field at {@code path}. */
    public static String without(String good, String path) {
        ObjectNode root = tree(good);
        parent(root, path).remove(leaf(path));
        return write(root);
    }

    private static String oversized(String good, long maxBytes) {
        ObjectNode root = tree(good);
        root.put("padding", "x".repeat((int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 1)));
        return write(root);
    }

    /** The value at {@code path} in {@code good}, or null when the good body has none there. */
    private static JsonNode valueAt(String good, String path) {
        JsonNode node = tree(good);
        for (String part : path.split("\\.")) {
            node = part.matches("[0-9]+") ? node.get(Integer.parseInt(part)) : node.get(part);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    private static ObjectNode tree(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the good body is not a JSON object: " + e.getMessage(), e);
        }
    }

    /** The object holding the path's last segment; a numeric segment indexes an array. */
    private static ObjectNode parent(ObjectNode root, String path) {
        JsonNode node = root;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            node = parts[i].matches("[0-9]+") ? node.get(Integer.parseInt(parts[i])) : node.get(parts[i]);
            if (node == null || !node.isContainerNode()) {
                throw new IllegalArgumentException("the good body has nothing to go into at " + parts[i] + " of " + path);
            }
        }
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException("the good body has no object holding " + path);
        }
        return object;
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
