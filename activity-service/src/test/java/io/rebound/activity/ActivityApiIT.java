package io.rebound.activity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.rebound.testkit.DevstackResource;
import io.rebound.testkit.InfraAvailable;
import io.rebound.testkit.TopicReader;
import io.rebound.events.ActivityCorrected;
import io.rebound.events.ActivityDeleted;
import io.rebound.events.ActivityRecorded;
import io.rebound.events.CloudEvents;
import io.rebound.events.EventJson;
import io.rebound.events.EventSchemas;
import io.rebound.events.EventType;
import io.rebound.events.MassageDepth;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@QuarkusTest
@ExtendWith(InfraAvailable.class)
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "activity"))
@QuarkusTestResource(ProviderApisResource.class)
class ActivityApiIT {

    private static final String START = "2026-11-03T07:15:00-06:00";

    private static String activity(String runnerId, String start) {
        return activity(runnerId, "run", start, 5000, "");
    }

    /** @param extra further JSON members, each with a leading comma, e.g. {@code , "strides": true} */
    private static String activity(String runnerId, String sport, String start, double distanceMetres, String extra) {
        return """
                {"runnerId": "%s", "sport": "%s", "startTime": "%s", "durationSeconds": 1800,
                 "distanceMetres": %s, "perceivedEffort": 4, "averageHeartRate": 141%s}
                """.formatted(runnerId, sport, start, distanceMetres, extra);
    }

    private static String post(String body) {
        return Callers.admin().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/activities")
                .then().statusCode(202)
                .extract().path("activityId");
    }

    /** The records of one event type published for a runner, read back from the broker. */
    private static List<ConsumerRecord<String, String>> published(String runner, EventType<?> type, int count) {
        return published(runner, type, count, Duration.ofSeconds(30), Duration.ofSeconds(2));
    }

    private static List<ConsumerRecord<String, String>> published(String runner, EventType<?> type, int count,
            Duration timeout, Duration settle) {
        return topics().await("activities", r -> runner.equals(r.key())
                        && type.type().equals(CloudEvents.header(r.headers(), CloudEvents.TYPE).orElse("")),
                count, timeout, settle);
    }

    private static String runner() {
        return "runner-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static TopicReader topics() {
        return new TopicReader(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    @Test
    void acceptedActivityIsListedWithItsOffsetAndPublishedOnceAsTheSchemaSays() {
        String runner = runner();
        String id = Callers.runner(runner).contentType(ContentType.JSON)
                .body(activity(runner, "2026-11-03T07:15:00-06:00"))
                .when().post("/api/v1/activities")
                .then().statusCode(202)
                .header("Location", containsString("/api/v1/runners/" + runner + "/activities/"))
                .body("activityId", notNullValue())
                .extract().path("activityId");

        Callers.runner(runner).when().get("/api/v1/runners/{runner}/activities", runner)
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].activityId", equalTo(id))
                .body("[0].startTime", equalTo("2026-11-03T07:15:00-06:00"))
                .body("[0].sport", equalTo("run"))
                .body("[0].distanceMetres", equalTo(5000.0f));

        List<ConsumerRecord<String, String>> published = topics().await("activities",
                r -> runner.equals(r.key()), 1, Duration.ofSeconds(30), Duration.ofSeconds(2));
        assertThat(published).hasSize(1);
        ConsumerRecord<String, String> record = published.get(0);
        assertThat(CloudEvents.header(record.headers(), CloudEvents.ID)).contains(id);
        assertThat(CloudEvents.header(record.headers(), CloudEvents.TYPE)).contains(ActivityRecorded.TYPE.type());
        assertThat(CloudEvents.header(record.headers(), CloudEvents.SOURCE)).contains("/rebound/activity-service");
        assertThat(EventSchemas.violations(ActivityRecorded.TYPE, record.value())).isEmpty();
        ActivityRecorded event = EventJson.read(record.value(), ActivityRecorded.TYPE);
        assertThat(event.activityId()).hasToString(id);
        assertThat(event.startTime().getOffset().getTotalSeconds()).isEqualTo(-6 * 3600);
        assertThat(event.averageHeartRate()).isEqualTo(141);
    }

    @Test
    void invalidActivityIsRefusedNamingEachFieldAndNothingIsStoredOrPublished() {
        String runner = runner();
        Callers.admin().contentType(ContentType.JSON)
                .body("""
                        {"runnerId": "%s", "sport": "run", "startTime": "2026-11-03T07:15:00Z",
                         "durationSeconds": 0, "perceivedEffort": 11}
                        """.formatted(runner))
                .when().post("/api/v1/activities")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItems("distanceMetres", "durationSeconds", "perceivedEffort"));

        Callers.runner(runner).when().get("/api/v1/runners/{runner}/activities", runner)
                .then().statusCode(200).body("$", hasSize(0));
        assertThat(topics().await("activities", r -> runner.equals(r.key()), 1, Duration.ofSeconds(3), Duration.ZERO))
                .isEmpty();
    }

    @Test
    void unknownSportIsRefusedListingTheSportsAllowed() {
        Callers.admin().contentType(ContentType.JSON)
                .body(activity(runner(), "2026-11-03T07:15:00Z").replace("\"run\"", "\"jogging\""))
                .when().post("/api/v1/activities")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("sport"))
                .body("errors[0].message", containsString("trail_run"));
    }

    @Test
    void startWithoutOffsetOrFarInTheFutureIsRefused() {
        Callers.admin().contentType(ContentType.JSON).body(activity(runner(), "2026-11-03T07:15:00"))
                .when().post("/api/v1/activities")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("startTime"));
        Callers.admin().contentType(ContentType.JSON).body(activity(runner(), "2099-01-01T07:15:00Z"))
                .when().post("/api/v1/activities")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("startTime"))
                .body("detail", containsString("future"));
    }

    @Test
    void malformedJsonIsAProblemNotACrash() {
        Callers.admin().contentType(ContentType.JSON).body("{\"runnerId\": ")
                .when().post("/api/v1/activities")
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Malformed JSON"));
    }

    @Test
    void anotherRunnersActivityIsNotFound() {
        String id = Callers.admin().contentType(ContentType.JSON).body(activity(runner(), "2026-11-03T07:15:00Z"))
                .when().post("/api/v1/activities").then().statusCode(202).extract().path("activityId");
        Callers.admin().when().get("/api/v1/runners/someone-else/activities/{id}", id)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void readinessAndOpenApiAreServed() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/activities"));
    }

    @Test
    void correctionIsStoredAndPublishedAsActivityCorrectedKeepingIdAndAcceptance() {
        String runner = runner();
        String id = post(activity(runner, START));
        String acceptedAt = Callers.runner(runner).when().get("/api/v1/runners/{runner}/activities/{id}", runner, id)
                .then().statusCode(200).extract().path("acceptedAt");

        Callers.runner(runner).contentType(ContentType.JSON)
                .body(activity(runner, "trail_run", START, 8000, ", \"strides\": true"))
                .when().put("/api/v1/runners/{runner}/activities/{id}", runner, id)
                .then().statusCode(200)
                .body("activityId", equalTo(id))
                .body("sport", equalTo("trail_run"))
                .body("distanceMetres", equalTo(8000.0f))
                .body("strides", equalTo(true))
                .body("acceptedAt", equalTo(acceptedAt));

        Callers.runner(runner).when().get("/api/v1/runners/{runner}/activities", runner)
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].activityId", equalTo(id))
                .body("[0].sport", equalTo("trail_run"))
                .body("[0].distanceMetres", equalTo(8000.0f))
                .body("[0].strides", equalTo(true));

        List<ConsumerRecord<String, String>> corrections = published(runner, ActivityCorrected.TYPE, 1);
        assertThat(corrections).hasSize(1);
        ConsumerRecord<String, String> record = corrections.get(0);
        assertThat(EventSchemas.violations(ActivityCorrected.TYPE, record.value())).isEmpty();
        ActivityCorrected corrected = EventJson.read(record.value(), ActivityCorrected.TYPE);
        assertThat(CloudEvents.header(record.headers(), CloudEvents.ID)).contains(corrected.eventId());
        assertThat(corrected.activity().activityId()).hasToString(id);
        assertThat(corrected.activity().distanceMetres()).isEqualTo(8000.0);
        assertThat(corrected.activity().strides()).isTrue();

        List<ConsumerRecord<String, String>> recorded = published(runner, ActivityRecorded.TYPE, 1);
        assertThat(recorded).hasSize(1);
        ActivityRecorded original = EventJson.read(recorded.get(0).value(), ActivityRecorded.TYPE);
        assertThat(original.distanceMetres()).isEqualTo(5000.0);
        assertThat(corrected.activity().acceptedAt()).isEqualTo(original.acceptedAt());
        assertThat(corrected.correctedAt()).isAfterOrEqualTo(original.acceptedAt());
    }

    @Test
    void deletionIsPublishedAsActivityDeletedAndTheActivityIsGone() {
        String runner = runner();
        String id = post(activity(runner, START));

        Callers.runner(runner).when().delete("/api/v1/runners/{runner}/activities/{id}", runner, id)
                .then().statusCode(204);

        Callers.runner(runner).when().get("/api/v1/runners/{runner}/activities/{id}", runner, id)
                .then().statusCode(404).contentType("application/problem+json");
        Callers.runner(runner).when().get("/api/v1/runners/{runner}/activities", runner)
                .then().statusCode(200).body("$", hasSize(0));
        Callers.runner(runner).when().delete("/api/v1/runners/{runner}/activities/{id}", runner, id)
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString(id));

        List<ConsumerRecord<String, String>> deletions = published(runner, ActivityDeleted.TYPE, 1);
        assertThat(deletions).hasSize(1);
        ConsumerRecord<String, String> record = deletions.get(0);
        assertThat(EventSchemas.violations(ActivityDeleted.TYPE, record.value())).isEmpty();
        ActivityDeleted deleted = EventJson.read(record.value(), ActivityDeleted.TYPE);
        assertThat(CloudEvents.header(record.headers(), CloudEvents.ID)).contains(deleted.eventId());
        assertThat(deleted.activityId()).hasToString(id);
        assertThat(deleted.runnerId()).isEqualTo(runner);
    }

    @Test
    void unknownOrAnotherRunnersActivityCannotBeCorrectedOrDeleted() {
        String runner = runner();
        String unknown = UUID.randomUUID().toString();
        Callers.runner(runner).contentType(ContentType.JSON).body(activity(runner, START))
                .when().put("/api/v1/runners/{runner}/activities/{id}", runner, unknown)
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", containsString(unknown));
        Callers.runner(runner).when().delete("/api/v1/runners/{runner}/activities/{id}", runner, unknown)
                .then().statusCode(404).contentType("application/problem+json");

        String owner = runner();
        String id = post(activity(owner, START));
        Callers.runner(runner).contentType(ContentType.JSON).body(activity(runner, START))
                .when().put("/api/v1/runners/{runner}/activities/{id}", runner, id)
                .then().statusCode(404).contentType("application/problem+json");
        Callers.runner(runner).when().delete("/api/v1/runners/{runner}/activities/{id}", runner, id)
                .then().statusCode(404).contentType("application/problem+json");
        Callers.runner(owner).when().get("/api/v1/runners/{runner}/activities/{id}", owner, id)
                .then().statusCode(200).body("distanceMetres", equalTo(5000.0f));
    }

    @Test
    void correctionNamingAnotherRunnerIsRefusedAndChangesNothing() {
        String runner = runner();
        String id = post(activity(runner, START));

        Callers.runner(runner).contentType(ContentType.JSON).body(activity("someone-else", "run", START, 8000, ""))
                .when().put("/api/v1/runners/{runner}/activities/{id}", runner, id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("runnerId"))
                .body("errors[0].message", containsString("someone-else"));

        Callers.runner(runner).when().get("/api/v1/runners/{runner}/activities/{id}", runner, id)
                .then().statusCode(200).body("distanceMetres", equalTo(5000.0f));
        assertThat(published(runner, ActivityCorrected.TYPE, 1, Duration.ofSeconds(3), Duration.ZERO)).isEmpty();
    }

    @Test
    void massageDepthOnARunIsRefusedNamingTheField() {
        String runner = runner();
        Callers.runner(runner).contentType(ContentType.JSON)
                .body(activity(runner, "run", START, 5000, ", \"massageDepth\": \"deep\""))
                .when().post("/api/v1/activities")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("massageDepth")))
                .body("errors[0].message", containsString("'run'"));

        String id = post(activity(runner, START));
        Callers.runner(runner).contentType(ContentType.JSON)
                .body(activity(runner, "run", START, 5000, ", \"massageDepth\": \"light\""))
                .when().put("/api/v1/runners/{runner}/activities/{id}", runner, id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("massageDepth")));
        Callers.runner(runner).when().get("/api/v1/runners/{runner}/activities/{id}", runner, id)
                .then().statusCode(200).body("massageDepth", nullValue());
    }

    @Test
    void stridesOnARideAreRefusedNamingTheField() {
        String runner = runner();
        Callers.runner(runner).contentType(ContentType.JSON)
                .body(activity(runner, "ride", START, 20_000, ", \"strides\": true"))
                .when().post("/api/v1/activities")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("strides")))
                .body("errors[0].message", containsString("'ride'"))
                .body("errors[0].message", containsString("trail_run"));
        Callers.runner(runner).when().get("/api/v1/runners/{runner}/activities", runner)
                .then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void stridesOnARunAreStoredAndPublished() {
        String runner = runner();
        String id = post(activity(runner, "run", START, 6000, ", \"strides\": true"));

        Callers.runner(runner).when().get("/api/v1/runners/{runner}/activities/{id}", runner, id)
                .then().statusCode(200).body("strides", equalTo(true)).body("massageDepth", nullValue());

        List<ConsumerRecord<String, String>> recorded = published(runner, ActivityRecorded.TYPE, 1);
        assertThat(recorded).hasSize(1);
        assertThat(EventSchemas.violations(ActivityRecorded.TYPE, recorded.get(0).value())).isEmpty();
        ActivityRecorded event = EventJson.read(recorded.get(0).value(), ActivityRecorded.TYPE);
        assertThat(event.activityId()).hasToString(id);
        assertThat(event.strides()).isTrue();
        assertThat(event.massageDepth()).isNull();
    }

    @Test
    void massageDepthOfAMassageIsStoredAndPublished() {
        String runner = runner();
        String id = post(activity(runner, "massage", START, 0, ", \"massageDepth\": \"deep\""));

        Callers.runner(runner).when().get("/api/v1/runners/{runner}/activities", runner)
                .then().statusCode(200).body("[0].massageDepth", equalTo("deep"));

        List<ConsumerRecord<String, String>> recorded = published(runner, ActivityRecorded.TYPE, 1);
        assertThat(recorded).hasSize(1);
        assertThat(EventSchemas.violations(ActivityRecorded.TYPE, recorded.get(0).value())).isEmpty();
        ActivityRecorded event = EventJson.read(recorded.get(0).value(), ActivityRecorded.TYPE);
        assertThat(event.activityId()).hasToString(id);
        assertThat(event.massageDepth()).isEqualTo(MassageDepth.DEEP);
    }
}
