package io.rebound.activity.provider.polar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolarEventTest {

    private static final String EXERCISE = """
            {
              "event": "EXERCISE",
              "user_id": 475,
              "entity_id": "aQlC83",
              "timestamp": "2018-05-15T14:22:24Z",
              "url": "https://www.polaraccesslink.com/v3/exercises/aQlC83"
            }""";

    @Test
    void exerciseEventIsRead() {
        PolarEvent event = PolarEvent.parse(EXERCISE);

        assertThat(event).isEqualTo(new PolarEvent("EXERCISE", 475L, "aQlC83", Instant.parse("2018-05-15T14:22:24Z"),
                "https://www.polaraccesslink.com/v3/exercises/aQlC83"));
        assertThat(event.isExercise()).isTrue();
        assertThat(event.isPing()).isFalse();
    }

    @Test
    void pingCarriesOnlyEventAndTimestamp() {
        PolarEvent event = PolarEvent.parse("{\"timestamp\":\"2019-01-11T08:25:10.02Z\",\"event\":\"PING\"}");

        assertThat(event.isPing()).isTrue();
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2019-01-11T08:25:10.020Z"));
        assertThat(event.url()).isNull();
    }

    @Test
    void unknownFieldsAreIgnored() {
        PolarEvent event = PolarEvent.parse(EXERCISE.replace("\"event\"", "\"delivery_attempt\": 2, \"event\""));

        assertThat(event.entityId()).isEqualTo("aQlC83");
    }

    @ParameterizedTest
    @ValueSource(strings = {"event", "user_id", "entity_id", "timestamp", "url"})
    void missingRequiredFieldIsRefusedByName(String field) {
        String withoutField = EXERCISE.lines()
                .filter(line -> !line.contains("\"" + field + "\""))
                .reduce("", String::concat)
                .replace(",}", "}");

        assertThatThrownBy(() -> PolarEvent.parse(withoutField))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(field + " is missing");
    }

    @Test
    void timestampThatIsNotADateIsRefusedWithItsValue() {
        assertThatThrownBy(() -> PolarEvent.parse(EXERCISE.replace("2018-05-15T14:22:24Z", "yesterday")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timestamp 'yesterday'");
    }

    @Test
    void entityIdGivenAsANumberIsRefused() {
        // Polar documents entity_id as a string ("aQlC83"); a number there is not a Polar event.
        assertThatThrownBy(() -> PolarEvent.parse(EXERCISE.replace("\"aQlC83\",", "519771,")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("entity_id must be a string");
    }
}
