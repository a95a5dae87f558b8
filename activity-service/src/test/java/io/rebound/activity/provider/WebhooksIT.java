package io.rebound.activity.provider;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.rebound.activity.provider.generic.StandardWebhookVerifier;
import io.rebound.activity.Callers;
import io.rebound.activity.ProviderApisResource;
import io.rebound.testkit.DevstackResource;
import io.rebound.testkit.InfraAvailable;
import io.rebound.testkit.TopicReader;
import io.rebound.events.ActivityCorrected;
import io.rebound.events.ActivityDeleted;
import io.rebound.events.ActivityRecorded;
import io.rebound.events.CloudEvents;
import io.rebound.events.EventJson;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Device webhooks through real PostgreSQL and Kafka: signed, deduplicated, kept until linked, never lost. */
@QuarkusTest
@ExtendWith(InfraAvailable.class)
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "activity"))
@QuarkusTestResource(ProviderApisResource.class)
class WebhooksIT {

    private static String secret() {
        return ConfigProvider.getConfig().getValue("rebound.activity.webhook.generic.secrets", String.class);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ValidatableResponse signed(String webhookId, String body) {
        long now = Instant.now().getEpochSecond();
        return given().contentType(ContentType.JSON)
                .header("webhook-id", webhookId)
                .header("webhook-timestamp", Long.toString(now))
                .header("webhook-signature", StandardWebhookVerifier.sign(secret(), webhookId, now,
                        body.getBytes(StandardCharsets.UTF_8)))
                .body(body).when().post("/api/v1/webhooks/generic").then();
    }

    private static final java.util.concurrent.atomic.AtomicLong VERSION = new java.util.concurrent.atomic.AtomicLong();

    /** A delivery as the app sends it, each one a newer version than the last. */
    private static String generic(String type, String userId, String activityId, String start, double metres) {
        return generic(type, userId, activityId, start, metres, Instant.parse("2026-11-27T10:00:00Z")
                .plusSeconds(VERSION.incrementAndGet()));
    }

    private static String generic(String type, String userId, String activityId, String start, double metres,
            Instant version) {
        return """
                {"type": "%s", "timestamp": "%s", "data": {"userId": "%s", "activityId": "%s",
                 "sport": "run", "startTime": "%s", "durationSeconds": 1800, "distanceMetres": %s,
                 "averageHeartRate": 140, "appVersion": "4.2"}}
                """.formatted(type, version, userId, activityId, start, metres);
    }

    private static void link(String runner, String provider, String userId, int replayed) {
        Callers.admin().contentType(ContentType.JSON)
                .body("{\"provider\": \"%s\", \"providerUserId\": \"%s\"}".formatted(provider, userId))
                .when().post("/api/v1/runners/{runner}/links", runner)
                .then().statusCode(201).body("replayed", equalTo(replayed));
    }

    private static List<ConsumerRecord<String, String>> published(String runner, int atLeast) {
        return new TopicReader(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))
                .await("activities", r -> runner.equals(r.key()), atLeast, Duration.ofSeconds(30), Duration.ofSeconds(2));
    }

    /** What reached the topic for the runner within a few seconds, for checks that nothing did. */
    private static List<ConsumerRecord<String, String>> nothingPublished(String runner) {
        return new TopicReader(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))
                .await("activities", r -> runner.equals(r.key()), 1, Duration.ofSeconds(5), Duration.ZERO);
    }

    private static List<String> types(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> CloudEvents.header(r.headers(), CloudEvents.TYPE).orElse("")).toList();
    }

    @Test
    void signedWebhookIsStoredOnceUpdatedAndDeletedAndARedeliveryIsHarmless() {
        String runner = unique("runner");
        String user = unique("app-user");
        link(runner, "webhook", user, 0);
        String created = generic("activity.created", user, "a-1", "2026-11-20T07:00:00-05:00", 8000);

        String id = signed("msg_" + runner, created).statusCode(200).body("outcome", equalTo("created"))
                .extract().path("activityId");
        signed("msg_" + runner, created).statusCode(200).body("outcome", equalTo("repeated_delivery"));
        signed("msg_2_" + runner, created).statusCode(200).body("outcome", equalTo("duplicate"));
        signed("msg_3_" + runner, generic("activity.updated", user, "a-1", "2026-11-20T07:00:00-05:00", 8400))
                .statusCode(200).body("outcome", equalTo("updated")).body("activityId", equalTo(id));
        signed("msg_4_" + runner, generic("activity.deleted", user, "a-1", "2026-11-20T07:00:00-05:00", 0))
                .statusCode(200).body("outcome", equalTo("deleted"));

        List<ConsumerRecord<String, String>> records = published(runner, 3);
        assertThat(types(records)).containsExactly(ActivityRecorded.TYPE.type(), ActivityCorrected.TYPE.type(),
                ActivityDeleted.TYPE.type());
        assertThat(EventJson.read(records.get(1).value(), ActivityCorrected.TYPE).activity().distanceMetres()).isEqualTo(8400);
        Callers.runner(runner).when().get("/api/v1/runners/{runner}/activities", runner).then().statusCode(200).body("$", org.hamcrest.Matchers.hasSize(0));
    }

    @Test
    void outOfOrderDeliveriesKeepTheNewestVersionAndADeletionStaysDeleted() {
        String runner = unique("runner");
        String user = unique("app-user");
        link(runner, "webhook", user, 0);
        Instant t = Instant.parse("2026-11-27T12:00:00Z");
        String start = "2026-11-25T07:00:00Z";
        signed("u2_" + runner, generic("activity.updated", user, "a-1", start, 9000, t.plusSeconds(2)))
                .statusCode(200).body("outcome", equalTo("created"));
        signed("c1_" + runner, generic("activity.created", user, "a-1", start, 8000, t.plusSeconds(1)))
                .statusCode(200).body("outcome", equalTo("stale"));
        signed("d5_" + runner, generic("activity.deleted", user, "b-1", "2026-11-26T07:00:00Z", 0, t.plusSeconds(5)))
                .statusCode(200).body("outcome", equalTo("unknown_activity"));
        signed("c4_" + runner, generic("activity.created", user, "b-1", "2026-11-26T07:00:00Z", 5000, t.plusSeconds(4)))
                .statusCode(200).body("outcome", equalTo("stale"));

        Callers.runner(runner).when().get("/api/v1/runners/{runner}/activities", runner).then().statusCode(200)
                .body("$", org.hamcrest.Matchers.hasSize(1))
                .body("[0].distanceMetres", equalTo(9000.0f));
        assertThat(types(published(runner, 1))).containsExactly(ActivityRecorded.TYPE.type());
    }

    @Test
    void wrongOrStaleSignatureIsRefusedAndStoresNothing() {
        String runner = unique("runner");
        String user = unique("app-user");
        link(runner, "webhook", user, 0);
        String body = generic("activity.created", user, "a-1", "2026-11-20T07:00:00Z", 5000);
        long now = Instant.now().getEpochSecond();
        given().contentType(ContentType.JSON).header("webhook-id", "m1").header("webhook-timestamp", Long.toString(now))
                .header("webhook-signature", StandardWebhookVerifier.sign("whsec_bm90LW91cnM=", "m1", now,
                        body.getBytes(StandardCharsets.UTF_8)))
                .body(body).when().post("/api/v1/webhooks/generic")
                .then().statusCode(401).contentType("application/problem+json");
        long stale = now - 600;
        given().contentType(ContentType.JSON).header("webhook-id", "m2").header("webhook-timestamp", Long.toString(stale))
                .header("webhook-signature", StandardWebhookVerifier.sign(secret(), "m2", stale, body.getBytes(StandardCharsets.UTF_8)))
                .body(body).when().post("/api/v1/webhooks/generic")
                .then().statusCode(401).body("detail", containsString("5 minutes"));
        assertThat(nothingPublished(runner)).isEmpty();
    }

    @Test
    void webhookIdLongerThanTheReceiptKeepsIsRefusedNamingTheHeaderAndStoresNothing() {
        String runner = unique("runner");
        String user = unique("app-user");
        link(runner, "webhook", user, 0);
        signed("m".repeat(201), generic("activity.created", user, "a-1", "2026-11-20T07:00:00Z", 5000))
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("webhook-id"));
        Callers.runner(runner).when().get("/api/v1/runners/{runner}/activities", runner).then().statusCode(200)
                .body("$", org.hamcrest.Matchers.hasSize(0));
    }

    @Test
    void activityOfAnUnlinkedUserIsKeptAndAppliedWhenTheLinkIsMade() {
        String runner = unique("runner");
        String user = unique("app-user");
        signed("msg_" + user, generic("activity.created", user, "early-1", "2026-11-21T06:30:00+01:00", 6000))
                .statusCode(200).body("outcome", equalTo("unlinked"));
        assertThat(nothingPublished(runner)).isEmpty();
        link(runner, "webhook", user, 1);
        assertThat(types(published(runner, 1))).containsExactly(ActivityRecorded.TYPE.type());
    }

    @Test
    void garminPushIsStoredOnceAndTheSameRunFromAnotherProviderIsADuplicate() {
        String runner = unique("runner");
        String garminUser = unique("garmin");
        String appUser = unique("app-user");
        link(runner, "garmin", garminUser, 0);
        link(runner, "webhook", appUser, 0);
        long start = Instant.parse("2026-11-22T12:00:00Z").getEpochSecond();
        String push = """
                {"activities": [
                  {"userId": "%1$s", "userAccessToken": "t", "summaryId": "s-100", "activityType": "RUNNING",
                   "startTimeInSeconds": %2$d, "startTimeOffsetInSeconds": -21600, "durationInSeconds": 2400,
                   "distanceInMeters": 7000.0, "averageHeartRateInBeatsPerMinute": 145, "deviceName": "forerunner965"},
                  {"userId": "%1$s", "summaryId": "s-101", "activityType": "INDOOR_CYCLING",
                   "startTimeInSeconds": %3$d, "startTimeOffsetInSeconds": -21600, "durationInSeconds": 1800}]}
                """.formatted(garminUser, start, start + 86_400);
        given().contentType(ContentType.JSON).body(push).when().post(Deliveries.garminUrl())
                .then().statusCode(200).body("outcomes", contains("created", "created"));
        given().contentType(ContentType.JSON).body(push).when().post(Deliveries.garminUrl())
                .then().statusCode(200).body("outcomes", contains("duplicate", "duplicate"));
        // The same run as the watch's other app saw it: 70 s later, 2% longer.
        signed("msg_" + appUser, generic("activity.created", appUser, "x-9", "2026-11-22T06:01:10-06:00", 7140))
                .statusCode(200).body("outcome", equalTo("duplicate"));

        List<ConsumerRecord<String, String>> records = published(runner, 2);
        assertThat(records).hasSize(2);
        ActivityRecorded run = EventJson.read(records.get(0).value(), ActivityRecorded.TYPE);
        assertThat(run.startTime().toString()).isEqualTo("2026-11-22T06:00-06:00");
        assertThat(run.sport().code()).isEqualTo("run");
        assertThat(EventJson.read(records.get(1).value(), ActivityRecorded.TYPE).sport().code()).isEqualTo("ride");
    }

    @Test
    void malformedOrOversizedPushesAreRefusedAndAnIncompleteSummaryNamingTheField() {
        given().contentType(ContentType.JSON).body("{\"activities\": [").when().post(Deliveries.garminUrl())
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body("{\"activities\": [{\"userId\": \"u\", \"activityType\": \"RUNNING\", \"startTimeInSeconds\": 1764000000,"
                        + " \"durationInSeconds\": 60}]}")
                .when().post(Deliveries.garminUrl())
                .then().statusCode(200).body("outcomes", contains("refused"))
                .body("refused[0].field", equalTo("activities[0].summaryId"));
        String huge = "{\"activities\": [], \"padding\": \"" + "x".repeat(300 * 1024) + "\"}";
        given().contentType(ContentType.JSON).body(huge).when().post(Deliveries.garminUrl())
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void aProviderUserLinkedToAnotherRunnerIsAConflict() {
        String user = unique("garmin");
        link(unique("runner"), "garmin", user, 0);
        Callers.admin().contentType(ContentType.JSON).body("{\"provider\": \"garmin\", \"providerUserId\": \"%s\"}".formatted(user))
                .when().post("/api/v1/runners/{runner}/links", unique("runner"))
                .then().statusCode(409).contentType("application/problem+json");
        Callers.admin().contentType(ContentType.JSON).body("{\"provider\": \"fitbit\", \"providerUserId\": \"x\"}")
                .when().post("/api/v1/runners/{runner}/links", unique("runner"))
                .then().statusCode(400).body("errors[0].field", equalTo("provider"));
    }
}
