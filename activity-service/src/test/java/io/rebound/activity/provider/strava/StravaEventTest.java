package io.rebound.activity.provider.strava;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StravaEventTest {

    private static final String CREATE = """
            {
              "aspect_type": "create",
              "event_time": 1752329131,
              "object_id": 11897463210,
              "object_type": "activity",
              "owner_id": 28451937,
              "subscription_id": 270481,
              "updates": {}
            }""";

    @Test
    void activityCreationIsRead() {
        StravaEvent event = StravaEvent.parse(CREATE);

        assertThat(event).isEqualTo(new StravaEvent(StravaObjectType.ACTIVITY, 11897463210L, StravaAspectType.CREATE,
                28451937L, 270481L, Instant.parse("2025-07-12T14:05:31Z"), Map.of()));
        assertThat(event.isDeauthorization()).isFalse();
    }

    @Test
    void activityUpdateCarriesWhatChanged() {
        StravaEvent event = StravaEvent.parse("""
                {"aspect_type":"update","event_time":1752330000,"object_id":11897463210,"object_type":"activity",
                 "owner_id":28451937,"subscription_id":270481,
                 "updates":{"title":"Easy loop","type":"Walk","private":"true"}}""");

        assertThat(event.aspectType()).isEqualTo(StravaAspectType.UPDATE);
        assertThat(event.updates()).containsExactlyInAnyOrderEntriesOf(
                Map.of("title", "Easy loop", "type", "Walk", "private", "true"));
        assertThat(event.isDeauthorization()).isFalse();
    }

    @Test
    void athleteRevokingAccessIsADeauthorization() {
        StravaEvent event = StravaEvent.parse("""
                {"aspect_type":"update","event_time":1752331111,"object_id":28451937,"object_type":"athlete",
                 "owner_id":28451937,"subscription_id":270481,"updates":{"authorized":"false"}}""");

        assertThat(event.objectType()).isEqualTo(StravaObjectType.ATHLETE);
        assertThat(event.isDeauthorization()).isTrue();
    }

    @Test
    void deletionWithoutUpdatesIsRead() {
        StravaEvent event = StravaEvent.parse("""
                {"aspect_type":"delete","event_time":1752331111,"object_id":11897463210,"object_type":"activity",
                 "owner_id":28451937,"subscription_id":270481}""");

        assertThat(event.aspectType()).isEqualTo(StravaAspectType.DELETE);
        assertThat(event.updates()).isEmpty();
    }

    @Test
    void unknownFieldsAreIgnored() {
        StravaEvent event = StravaEvent.parse(CREATE.replace("\"updates\": {}",
                "\"updates\": {}, \"schema_version\": 2, \"athlete_tier\": {\"premium\": true}"));

        assertThat(event.objectId()).isEqualTo(11897463210L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"object_type", "object_id", "aspect_type", "owner_id", "subscription_id", "event_time"})
    void missingRequiredFieldIsRefusedByName(String field) {
        String withoutField = CREATE.lines()
                .filter(line -> !line.contains("\"" + field + "\""))
                .reduce("", String::concat);

        assertThatThrownBy(() -> StravaEvent.parse(withoutField))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(field + " is missing, expected " + (field.endsWith("_type") ? "a string" : "an integer"));
    }

    @Test
    void mistypedIdIsRefusedWithItsValue() {
        assertThatThrownBy(() -> StravaEvent.parse(CREATE.replace("11897463210", "\"eleven\"")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("object_id must be an integer, was \"eleven\"");
    }

    @Test
    void unknownAspectIsRefusedWithTheChoices() {
        assertThatThrownBy(() -> StravaEvent.parse(CREATE.replace("\"create\"", "\"merge\"")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("aspect_type 'merge' is unknown, expected one of create, update, delete");
    }

    @Test
    void bodyThatIsNotJsonIsRefused() {
        assertThatThrownBy(() -> StravaEvent.parse("hub.mode=subscribe"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("strava event body is not JSON");
    }
}
