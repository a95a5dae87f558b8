package io.rebound.support.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request mapper as {@link JsonCustomizer} leaves it, and {@link JsonErrors} on its syntax errors. */
class StrictJsonTest {

    enum Colour { RED, GREEN }

    record Body(String name, Integer count, Colour colour, LocalDate day, Map<String, Double> shares) {
    }

    private final ObjectMapper json = mapper();

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new JsonCustomizer().customize(mapper);
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
        for (String bad : new String[] {"Sam\\u0000", "Sam\\u0007", "Sam\\uD800", "\\uDC00Sam", "Sam\\u007F"}) {
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
    }
}
