package io.rebound.activity.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.rebound.activity.Callers;
import io.rebound.activity.ProviderApisResource;
import io.rebound.testkit.DevstackResource;
import io.rebound.testkit.InfraAvailable;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What arrives after the runner deleted an activity here: the same file again is a new activity; a provider's later
 * version of the deleted activity is answered "deleted_by_runner" and brings nothing back, without costing the rest
 * of its delivery; a fetch for it ends.
 */
@QuarkusTest
@ExtendWith(InfraAvailable.class)
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "activity"))
@QuarkusTestResource(ProviderApisResource.class)
class AfterDeleteIT {

    private static final String GPX = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
              <trk><type>running</type><trkseg>
                <trkpt lat="46.000" lon="7.0"><time>2026-11-18T06:00:00Z</time></trkpt>
                <trkpt lat="46.010" lon="7.0"><time>2026-11-18T06:06:00Z</time></trkpt>
                <trkpt lat="46.020" lon="7.0"><time>%s</time></trkpt>
              </trkseg></trk>
            </gpx>
            """;

    private static String runner() {
        return "runner-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void deleteHere(String runner, String activityId) {
        Callers.runner(runner).when().delete("/api/v1/runners/{runner}/activities/{id}", runner, activityId)
                .then().statusCode(204);
    }

    @Test
    void theSameFileUploadedAgainAfterADeleteIsANewActivity() {
        String runner = runner();
        // A file of its own: the seconds of the last point make its content unique to this test run.
        byte[] file = GPX.formatted("2026-11-18T06:12:" + String.format("%02d", ThreadLocalRandom.current().nextInt(60)) + "Z")
                .getBytes(StandardCharsets.UTF_8);
        String first = Callers.runner(runner).multiPart("file", "run.gpx", file, "application/gpx+xml")
                .when().post("/api/v1/runners/{runner}/activities/files", runner)
                .then().statusCode(201).body("outcome", equalTo("created")).extract().path("activityId");
        deleteHere(runner, first);

        String second = Callers.runner(runner).multiPart("file", "run.gpx", file, "application/gpx+xml")
                .when().post("/api/v1/runners/{runner}/activities/files", runner)
                .then().statusCode(201).body("outcome", equalTo("created")).body("activityId", not(equalTo(first)))
                .extract().path("activityId");
        Callers.runner(runner).when().get("/api/v1/runners/{runner}/activities", runner).then().statusCode(200)
                .body("$", hasSize(1)).body("[0].activityId", equalTo(second));
        Callers.runner(runner).multiPart("file", "again.gpx", file, "application/gpx+xml")
                .when().post("/api/v1/runners/{runner}/activities/files", runner)
                .then().statusCode(200).body("outcome", equalTo("duplicate")).body("activityId", equalTo(second));
    }

    @Test
    void aGarminPushUpdatingADeletedActivityStillStoresTheNewOneBesideIt() {
        String runner = runner();
        String garminUser = "garmin-" + UUID.randomUUID().toString().substring(0, 8);
        Deliveries.link(runner, "garmin", garminUser);
        long start = Instant.parse("2026-11-16T06:00:00Z").getEpochSecond();
        given().contentType(ContentType.JSON).body(Deliveries.garminPush(garminUser, "s-1", start, 5000))
                .when().post(Deliveries.garminUrl())
                .then().statusCode(200).body("outcomes", contains("created"));
        deleteHere(runner, Callers.runner(runner).when().get("/api/v1/runners/{runner}/activities", runner)
                .then().statusCode(200).body("$", hasSize(1)).extract().path("[0].activityId"));

        String both = Deliveries.garminPush(garminUser, "s-1", start, 5200).replace("]}", ", "
                + Deliveries.garminSummary(garminUser, "s-2", start + 86_400, 6000) + "]}");
        given().contentType(ContentType.JSON).body(both).when().post(Deliveries.garminUrl())
                .then().statusCode(200).body("outcomes", contains("deleted_by_runner", "created"));
        Callers.runner(runner).when().get("/api/v1/runners/{runner}/activities", runner).then().statusCode(200)
                .body("$", hasSize(1)).body("[0].distanceMetres", equalTo(6000.0f));
        // Garmin sending the same push again changes nothing.
        given().contentType(ContentType.JSON).body(both).when().post(Deliveries.garminUrl())
                .then().statusCode(200).body("outcomes", contains("deleted_by_runner", "duplicate"));
    }

    @Test
    void aGenericUpdateOfADeletedActivityIsAnsweredAndBringsNothingBack() {
        String runner = runner();
        String user = "app-" + UUID.randomUUID().toString().substring(0, 8);
        Deliveries.link(runner, "webhook", user);
        String id = Deliveries.signed("c_" + user, Deliveries.generic("activity.created", user, "a-1", 7000,
                Instant.parse("2026-11-27T10:00:00Z"))).statusCode(200).body("outcome", equalTo("created"))
                .extract().path("activityId");
        deleteHere(runner, id);

        Deliveries.signed("u_" + user, Deliveries.generic("activity.updated", user, "a-1", 7100,
                Instant.parse("2026-11-27T11:00:00Z"))).statusCode(200).body("outcome", equalTo("deleted_by_runner"));
        Callers.runner(runner).when().get("/api/v1/runners/{runner}/activities", runner).then().statusCode(200)
                .body("$", hasSize(0));
    }

    @Test
    void aStravaFetchOfADeletedActivityEndsInsteadOfRetryingForEver() throws Exception {
        String runner = runner();
        long athlete = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        long id = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        Deliveries.link(runner, "strava", Long.toString(athlete), "tok-" + athlete);
        ObjectNode activity = Fixtures.json("/io/rebound/activity/provider/strava/detailed-activity.json");
        activity.put("id", id);
        Deliveries.providers().register(get(urlEqualTo("/api/v3/activities/" + id)).willReturn(okJson(activity.toString())));

        Deliveries.strava(Deliveries.stravaEvent(id, "create", athlete)).statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> Deliveries.jobStates(id).equals(java.util.List.of("DONE")));
        String stored = Callers.runner(runner).when().get("/api/v1/runners/{runner}/activities", runner)
                .then().statusCode(200).body("$", hasSize(1)).extract().path("[0].activityId");
        deleteHere(runner, stored);

        Deliveries.strava(Deliveries.stravaEvent(id, "update", athlete)).statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> Deliveries.jobStates(id).equals(java.util.List.of("DONE", "DONE")));
        assertThat(Deliveries.jobErrors(id)).containsOnlyNulls();
        Deliveries.providers().verifyThat(2, getRequestedFor(urlEqualTo("/api/v3/activities/" + id)));
        Callers.runner(runner).when().get("/api/v1/runners/{runner}/activities", runner).then().statusCode(200)
                .body("$", hasSize(0));
    }
}
