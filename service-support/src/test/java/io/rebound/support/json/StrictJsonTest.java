package io.rebound.support.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request mapper as {@link JsonCustomizer} leaves it, and {@link JsonErrors} on its syntax errors. */
class StrictJsonTest {

    enum Colour { RED, GREEN }

    /** Read by its lower-case code, as the services' own enums (Sport, DistanceUnit) are. */
    enum Size {
        SMALL, LARGE;

        @JsonCreator
        static Size fromCode(String code) {
            for (Size size : values()) {
                if (size.name().toLowerCase(Locale.ROOT).equals(code)) {
                    return size;
                }
            }
            throw new IllegalArgumentException("unknown size '" + code + "'");
        }
    }

    record Body(String name, Integer count, Colour colour, LocalDate day, Map<String, Double> shares, Boolean flag,
            int whole, double share, OffsetDateTime at, LocalTime time, Size size) {
    }

    private final ObjectMapper json = mapper();

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new JsonCustomizer(256 * 1024).customize(mapper);
        return mapper;
    }

    @Test
    void goodBodyWithEmojiAndLineBreaksIsRead() throws Exception {
        Body body = json.readValue("{\"name\": \"Sam \\uD83C\\uDFC3\\nline two\", \"count\": 3, \"colour\": \"RED\","
                + " \"day\": \"2026-11-03\", \"shares\": {\"a\": 0.5}}", Body.class);
        assertThat(body.name()).isEqualTo("Sam \uD83C\uDFC3\nline two");
        assertThat(body.day()).isEqualTo(LocalDate.of(2026, 11, 3));
    }

    @Test
    void nulOtherControlCharactersAndLoneSurrogatesAreRefusedAtTheirField() {
        for (String bad : new String[] {"Sam\\u0000", "Sam\\u0007", "Sam\\uD800", "\\uDC00Sam", "Sam\\u007F",
                "Sam\\u0080", "Sam\\u0085", "Sam\\u009B[31m", "\\u009FSam"}) {
            assertThatThrownBy(() -> json.readValue("{\"name\": \"" + bad + "\"}", Body.class))
                    .as(bad).isInstanceOf(InvalidFormatException.class)
                    .satisfies(e -> assertThat(((InvalidFormatException) e).getPath().get(0).getFieldName())
                            .isEqualTo("name"));
        }
    }

    @Test
    void secondDocumentEnumByNumberEmptyNumberAndTimeInADateAreRefused() {
        assertThatThrownBy(() -> json.readValue("{\"count\": 1}{\"count\": 2}", Body.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> json.readValue("{\"colour\": 1}", Body.class)).hasMessageContaining("colour");
        assertThatThrownBy(() -> json.readValue("{\"count\": \"\"}", Body.class)).hasMessageContaining("count");
        assertThatThrownBy(() -> json.readValue("{\"day\": \"2026-11-03T07:00:00Z\"}", Body.class))
                .hasMessageContaining("day");
    }

    @Test
    void goodValuesOfEveryTypeAreRead() throws Exception {
        Body body = json.readValue("{\"flag\": false, \"whole\": 1800, \"share\": 5000, \"shares\": {\"a\": 1},"
                + " \"at\": \"2026-11-03T07:15:00-06:00\", \"time\": \"22:00\", \"size\": \"large\", \"colour\": \"GREEN\"}",
                Body.class);
        assertThat(body.flag()).isFalse();
        assertThat(body.whole()).isEqualTo(1800);
        assertThat(body.share()).isEqualTo(5000.0);
        assertThat(body.shares()).containsEntry("a", 1.0);
        assertThat(body.at()).isEqualTo(OffsetDateTime.parse("2026-11-03T07:15:00-06:00"));
        assertThat(body.time()).isEqualTo(LocalTime.of(22, 0));
        assertThat(body.size()).isEqualTo(Size.LARGE);
        assertThat(body.colour()).isEqualTo(Colour.GREEN);
    }

    @Test
    void aKeyTwiceIsRefusedNamingIt() {
        assertThatThrownBy(() -> json.readValue("{\"name\": \"a\", \"count\": 1, \"name\": \"b\"}", Body.class))
                .isInstanceOfSatisfying(JsonParseException.class, e -> {
                    assertThat(JsonErrors.fieldOf(e)).isEqualTo("name");
                    assertThat(JsonErrors.reason(e)).isEqualTo("appears more than once");
                });
        assertThatThrownBy(() -> json.readTree("{\"data\": {\"n\": 1, \"n\": 1}}"))
                .isInstanceOfSatisfying(JsonParseException.class, e -> assertThat(JsonErrors.fieldOf(e)).isEqualTo("data.n"));
        assertThatThrownBy(() -> TreeReaders.strictSyntax().readTree("{\"id\": 1, \"id\": 2}"))
                .isInstanceOfSatisfying(JsonParseException.class, e -> assertThat(JsonErrors.fieldOf(e)).isEqualTo("id"));
    }

    @Test
    void aValueOfAnotherJsonTypeIsRefusedAtItsField() {
        List<String> bad = List.of("{\"count\": \"1800\"}", "{\"count\": 1800.5}", "{\"whole\": 1800.5}",
                "{\"whole\": \"1800\"}", "{\"count\": true}", "{\"share\": \"0.5\"}", "{\"share\": true}",
                "{\"name\": 42}", "{\"name\": 4.2}", "{\"name\": true}", "{\"flag\": 1}", "{\"flag\": \"true\"}",
                "{\"at\": 1764237600}", "{\"at\": 1764237600.5}", "{\"day\": [2026, 11, 3]}", "{\"day\": 20400}",
                "{\"time\": [22, 0]}", "{\"time\": 79200}", "{\"colour\": \" RED\"}", "{\"colour\": \"RED \"}",
                "{\"colour\": \"RED\\u0000\"}", "{\"colour\": \"\\tRED\"}", "{\"colour\": true}", "{\"size\": \" large\"}",
                "{\"size\": \"large\\u0000\"}", "{\"size\": 1}", "{\"size\": false}", "{\"shares\": {\"a\": \"0.5\"}}");
        assertThatThrownBy(() -> json.readValue("{\"count\": \"1800\"}", Body.class)).satisfies(e -> assertThat(
                JsonErrors.wrongType((JsonMappingException) e)).contains("must be a whole number, not a string (\"1800\")"));
        assertThatThrownBy(() -> json.readValue("{\"whole\": 1800.5}", Body.class)).satisfies(e -> assertThat(
                JsonErrors.wrongType((JsonMappingException) e)).contains("must be a whole number, not a fraction (1800.5)"));
        assertThatThrownBy(() -> json.readValue("{\"flag\": 1}", Body.class)).satisfies(e -> assertThat(
                JsonErrors.wrongType((JsonMappingException) e)).contains("must be true or false, not a number (1)"));
        for (String body : bad) {
            String field = body.substring(2, body.indexOf('"', 2));
            assertThatThrownBy(() -> json.readValue(body, Body.class)).as(body)
                    .isInstanceOfSatisfying(MismatchedInputException.class,
                            e -> assertThat(e.getPath().get(0).getFieldName()).isEqualTo(field));
        }
    }

    @Test
    void bodyOverTheLimitStopsTheParserThere() {
        byte[] big = ("{\"name\": \"" + "x".repeat(300 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> json.readValue(new ByteArrayInputStream(big), Body.class))
                .satisfies(e -> assertThat(JsonErrors.overLimit(e)).isTrue());
        assertThatThrownBy(() -> json.readValue("{\"name\": \"x\", \"count\": NaN}", Body.class))
                .satisfies(e -> assertThat(JsonErrors.overLimit(e)).isFalse());
    }

    @Test
    void syntaxErrorIsPlacedAtTheFieldItIsIn() {
        assertThatThrownBy(() -> json.readValue("{\"name\": \"x\", \"count\": NaN}", Body.class))
                .isInstanceOfSatisfying(JsonParseException.class,
                        e -> assertThat(JsonErrors.fieldOf(e)).isEqualTo("count"));
        assertThatThrownBy(() -> json.readTree("{\"data\": {\"items\": [1, 2], \"n\": 0x10}}"))
                .isInstanceOfSatisfying(JsonParseException.class,
                        e -> assertThat(JsonErrors.fieldOf(e)).isEqualTo("data.n"));
    }

    @Test
    void textsNamesWhatIsWrongAndWhere() {
        assertThat(Texts.problem("fine, with a tab\t")).isEmpty();
        assertThat(Texts.problem("ab\u0000")).contains("must not contain control characters (U+0000 at character 2)");
        assertThat(Texts.problem("a\uD800b")).contains("must be valid Unicode text (an unpaired surrogate U+D800 at character 1)");
        assertThat(Texts.problem("a\u009Bb")).contains("must not contain control characters (U+009B at character 1)");
        assertThat(Texts.problem("caf\u00E9 \u00A0ok")).isEmpty();
    }
}
