package io.rebound.activity.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.rebound.activity.Callers;
import io.rebound.activity.ProviderApisResource;
import io.rebound.testkit.DevstackResource;
import io.rebound.testkit.InfraAvailable;
import io.rebound.testkit.TopicReader;
import io.rebound.events.ActivityDeleted;
import io.rebound.events.ActivityRecorded;
import io.rebound.events.CloudEvents;
import io.rebound.events.EventJson;
import io.restassured.http.ContentType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Strava and Polar end to end: WireMock plays their APIs with their real payloads; Kafka and PostgreSQL are real. */
@QuarkusTest
@ExtendWith(InfraAvailable.class)
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "activity"))
@QuarkusTestResource(ProviderApisResource.class)
class ProvidersIT {

    private static WireMock providers() {
        URI base = URI.create(ConfigProvider.getConfig().getValue("rebound.activity.strava.base-url", String.class));
        return new WireMock(base.getHost(), base.getPort());
    }

    private static String base() {
        return ConfigProvider.getConfig().getValue("rebound.activity.polar.base-url", String.class);
    }

    private static List<ConsumerRecord<String, String>> published(String runner, int atLeast) {
        return new TopicReader(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))
                .await("activities", r -> runner.equals(r.key()), atLeast, Duration.ofSeconds(40), Duration.ofSeconds(2));
    }

    /** What reached the topic for the runner within a few seconds, for checks that nothing did. */
    private static List<ConsumerRecord<String, String>> nothingPublished(String runner) {
        return new TopicReader(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))
                .await("activities", r -> runner.equals(r.key()), 1, Duration.ofSeconds(5), Duration.ZERO);
    }

    private static String runner() {
        return "runner-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void link(String runner, String provider, String userId, String token) {
        Callers.admin().contentType(ContentType.JSON)
                .body("{\"provider\": \"%s\", \"providerUserId\": \"%s\", \"accessToken\": \"%s\"}".formatted(provider, userId, token))
                .when().post("/api/v1/runners/{runner}/links", runner).then().statusCode(201);
    }

    private static long stravaActivity(String token, long id, double metres, boolean rateLimitedFirst) {
        ObjectNode activity = Fixtures.json("/io/rebound/activity/provider/strava/detailed-activity.json");
        activity.put("id", id).put("distance", metres);
        String path = "/api/v3/activities/" + id;
        if (rateLimitedFirst) {
            providers().register(get(urlEqualTo(path)).inScenario("limit-" + id).whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                            .withHeader("X-RateLimit-Limit", "100,1000").withHeader("X-RateLimit-Usage", "100,400"))
                    .willSetStateTo("open"));
            providers().register(get(urlEqualTo(path)).inScenario("limit-" + id).whenScenarioStateIs("open")
                    .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer " + token))
                    .willReturn(okJson(activity.toString())));
        } else {
            providers().register(get(urlEqualTo(path))
                    .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer " + token))
                    .willReturn(okJson(activity.toString())));
        }
        return id;
    }

    private static String stravaEvent(String objectType, long objectId, String aspect, long owner, String updates) {
        return """
                {"aspect_type": "%s", "event_time": 1764230400, "object_id": %d, "object_type": "%s",
                 "owner_id": %d, "subscription_id": 120475, "updates": %s}
                """.formatted(aspect, objectId, objectType, owner, updates);
    }

    private static long anId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
    }

    @Test
    void stravaHandshakeAnswersOnlyOurVerifyToken() {
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "test-verify-token")
                .queryParam("hub.challenge", "15f7d1a91c1f40f8a748fd134752feb3")
                .when().get("/api/v1/webhooks/strava")
                .then().statusCode(200).body("'hub.challenge'", equalTo("15f7d1a91c1f40f8a748fd134752feb3"));
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "guess")
                .queryParam("hub.challenge", "x").when().get("/api/v1/webhooks/strava")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void stravaEventIsAcknowledgedAtOnceFetchedDespiteARateLimitAndDeletedLater() {
        String runner = runner();
        long athlete = anId();
        link(runner, "strava", Long.toString(athlete), "tok-" + athlete);
        long id = stravaActivity("tok-" + athlete, anId(), 8046.7, true);

        given().contentType(ContentType.JSON).body(stravaEvent("activity", id, "create", athlete, "{}"))
                .when().post("/api/v1/webhooks/strava").then().statusCode(200).body("outcome", equalTo("queued"));
        List<ConsumerRecord<String, String>> records = published(runner, 1);
        assertThat(records).hasSize(1);
        ActivityRecorded run = EventJson.read(records.get(0).value(), ActivityRecorded.TYPE);
        assertThat(run.sport().code()).isEqualTo("trail_run");
        assertThat(run.distanceMetres()).isEqualTo(8046.7);
        assertThat(run.startTime().toString()).isEqualTo("2025-07-12T07:05:31-07:00");
        assertThat(run.averageHeartRate()).isEqualTo(149);
        providers().verifyThat(2, getRequestedFor(urlEqualTo("/api/v3/activities/" + id)));

        given().contentType(ContentType.JSON).body(stravaEvent("activity", id, "delete", athlete, "{}"))
                .when().post("/api/v1/webhooks/strava").then().statusCode(200).body("outcome", equalTo("deleted"));
        assertThat(published(runner, 2).stream().map(r -> CloudEvents.header(r.headers(), CloudEvents.TYPE).orElse("")))
                .containsExactly(ActivityRecorded.TYPE.type(), ActivityDeleted.TYPE.type());
    }

    @Test
    void stravaEventOfAnUnlinkedAthleteIsFetchedOnceTheLinkIsMade() {
        String runner = runner();
        long athlete = anId();
        long id = stravaActivity("tok-" + athlete, anId(), 5000, false);
        given().contentType(ContentType.JSON).body(stravaEvent("activity", id, "create", athlete, "{}"))
                .when().post("/api/v1/webhooks/strava").then().statusCode(200);
        assertThat(nothingPublished(runner)).isEmpty();
        link(runner, "strava", Long.toString(athlete), "tok-" + athlete);
        assertThat(published(runner, 1)).hasSize(1);
    }

    @Test
    void stravaDeauthorizationAndMalformedEventsAreHandled() {
        long athlete = anId();
        link(runner(), "strava", Long.toString(athlete), "tok");
        given().contentType(ContentType.JSON).body(stravaEvent("athlete", athlete, "update", athlete, "{\"authorized\": \"false\"}"))
                .when().post("/api/v1/webhooks/strava").then().statusCode(200).body("outcome", equalTo("deauthorized"));
        given().contentType(ContentType.JSON).body("{\"object_type\": \"activity\", \"aspect_type\": \"create\"}")
                .when().post("/api/v1/webhooks/strava").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void polarPingAndExerciseAreSignedAndTheExerciseIsFetched() throws Exception {
        String runner = runner();
        long user = anId();
        link(runner, "polar", Long.toString(user), "polar-tok");
        String exerciseId = "EX" + UUID.randomUUID().toString().substring(0, 6);
        ObjectNode exercise = Fixtures.json("/io/rebound/activity/provider/polar/exercise.json");
        exercise.put("id", exerciseId);
        providers().register(get(urlEqualTo("/v3/exercises/" + exerciseId)).willReturn(okJson(exercise.toString())));

        String ping = "{\"event\": \"PING\", \"timestamp\": \"2026-11-27T10:00:00Z\"}";
        postPolar(ping, sign(ping)).statusCode(200).body("outcome", equalTo("pong"));
        postPolar(ping, "00" + sign(ping).substring(2)).statusCode(401).contentType("application/problem+json");

        String event = """
                {"event": "EXERCISE", "user_id": %d, "entity_id": "%s", "timestamp": "2026-11-27T10:00:00Z",
                 "url": "%s/v3/exercises/%s"}
                """.formatted(user, exerciseId, base(), exerciseId);
        postPolar(event, sign(event)).statusCode(200).body("outcome", equalTo("queued"));
        ActivityRecorded run = EventJson.read(published(runner, 1).get(0).value(), ActivityRecorded.TYPE);
        assertThat(run.distanceMetres()).isEqualTo(10012.4);
        assertThat(run.durationSeconds()).isEqualTo(3723);
        assertThat(run.startTime().toString()).isEqualTo("2025-07-12T16:05:31+02:00");
        assertThat(run.sport().code()).isEqualTo("trail_run");
    }

    private static io.restassured.response.ValidatableResponse postPolar(String body, String signature) {
        return given().contentType(ContentType.JSON).header("Polar-Webhook-Event", "EXERCISE")
                .header("Polar-Webhook-Signature", signature).body(body)
                .when().post("/api/v1/webhooks/polar").then();
    }

    private static String sign(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("test-polar-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
