package io.rebound.activity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.rebound.devstack.DevstackResource;
import io.rebound.devstack.InfraAvailable;
import io.rebound.devstack.TopicReader;
import io.rebound.events.ActivityRecorded;
import io.rebound.events.CloudEvents;
import io.rebound.events.EventJson;
import io.rebound.events.EventSchemas;
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
class ActivityApiIT {

    private static String activity(String runnerId, String start) {
        return """
                {"runnerId": "%s", "sport": "run", "startTime": "%s", "durationSeconds": 1800,
                 "distanceMetres": 5000, "perceivedEffort": 4, "averageHeartRate": 141}
                """.formatted(runnerId, start);
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
        String id = given().contentType(ContentType.JSON).body(activity(runner, "2026-11-03T07:15:00-06:00"))
                .when().post("/api/v1/activities")
                .then().statusCode(202)
                .header("Location", containsString("/api/v1/runners/" + runner + "/activities/"))
                .body("activityId", notNullValue())
                .extract().path("activityId");

        given().when().get("/api/v1/runners/{runner}/activities", runner)
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
        given().contentType(ContentType.JSON)
                .body("""
                        {"runnerId": "%s", "sport": "run", "startTime": "2026-11-03T07:15:00Z",
                         "durationSeconds": 0, "perceivedEffort": 11}
                        """.formatted(runner))
                .when().post("/api/v1/activities")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItems("distanceMetres", "durationSeconds", "perceivedEffort"));

        given().when().get("/api/v1/runners/{runner}/activities", runner).then().statusCode(200).body("$", hasSize(0));
        assertThat(topics().await("activities", r -> runner.equals(r.key()), 1, Duration.ofSeconds(3), Duration.ZERO))
                .isEmpty();
    }

    @Test
    void unknownSportIsRefusedListingTheSportsAllowed() {
        given().contentType(ContentType.JSON)
                .body(activity(runner(), "2026-11-03T07:15:00Z").replace("\"run\"", "\"jogging\""))
                .when().post("/api/v1/activities")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("sport"))
                .body("errors[0].message", containsString("trail_run"));
    }

    @Test
    void startWithoutOffsetOrFarInTheFutureIsRefused() {
        given().contentType(ContentType.JSON).body(activity(runner(), "2026-11-03T07:15:00"))
                .when().post("/api/v1/activities")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("startTime"));
        given().contentType(ContentType.JSON).body(activity(runner(), "2099-01-01T07:15:00Z"))
                .when().post("/api/v1/activities")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("startTime"))
                .body("detail", containsString("future"));
    }

    @Test
    void malformedJsonIsAProblemNotACrash() {
        given().contentType(ContentType.JSON).body("{\"runnerId\": ")
                .when().post("/api/v1/activities")
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Malformed JSON"));
    }

    @Test
    void anotherRunnersActivityIsNotFound() {
        String id = given().contentType(ContentType.JSON).body(activity(runner(), "2026-11-03T07:15:00Z"))
                .when().post("/api/v1/activities").then().statusCode(202).extract().path("activityId");
        given().when().get("/api/v1/runners/someone-else/activities/{id}", id)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void readinessAndOpenApiAreServed() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/activities"));
    }
}
