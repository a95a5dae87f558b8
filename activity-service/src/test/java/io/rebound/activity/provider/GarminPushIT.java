package io.rebound.activity.provider;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.rebound.activity.Callers;
import io.rebound.activity.ProviderApisResource;
import io.rebound.testkit.DevstackResource;
import io.rebound.testkit.InfraAvailable;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Garmin's pushes as Garmin documents them: each summary on its own, only at our secret URL, and the user notices. */
@QuarkusTest
@ExtendWith(InfraAvailable.class)
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "activity"))
@QuarkusTestResource(ProviderApisResource.class)
class GarminPushIT {

    /**
     * The push example of Garmin's Activity API specification (section "Push Notification Content"), with the second
     * summary of the same document's example beside it: the first is 519.8 km in 3 h 13 min, beyond what we store.
     */
    private static final String DOCUMENTED_PUSH = """
            {
               "activities": [
                  {
                     "userId": "4aacafe82427c251df9c9592d0c06768",
                     "summaryId": "EXAMPLE_12345",
                     "activityType": "RUNNING",
                     "startTimeInSeconds": 1452470400,
                     "startTimeOffsetInSeconds": 0,
                     "durationInSeconds": 11580,
                     "averageSpeedInMetersPerSecond": 2.888999938964844,
                     "distanceInMeters": 519818.125,
                     "activeKilocalories": 448,
                     "deviceName": "Forerunner 910XT",
                     "averagePaceInMinutesPerKilometer": 0.5975272352046997
                  },
                  {
                     "userId": "4aacafe82427c251df9c9592d0c06768",
                     "summaryId": "EXAMPLE_12346",
                     "activityType": "CYCLING",
                     "startTimeInSeconds": 1452506094,
                     "startTimeOffsetInSeconds": 0,
                     "durationInSeconds": 1824,
                     "averageSpeedInMetersPerSecond": 8.75,
                     "distanceInMeters": 4322.357,
                     "activeKilocalories": 360,
                     "deviceName": "Forerunner 910XT"
                  }
               ]
            }
            """;

    private static String runner() {
        return "runner-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String garminUser() {
        return "garmin-" + UUID.randomUUID().toString().replace("-", "");
    }

    private static double rejectedGarminSummaries() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher value = Pattern.compile("rebound_activities_accepted_total\\{[^}]*outcome=\"rejected\"[^}]*provider=\"garmin\""
                + "[^}]*} ([0-9.eE+]+)").matcher(metrics);
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }

    @Test
    void garminsDocumentedPushStoresTheGoodSummaryAndRefusesTheOtherOnItsOwn() throws Exception {
        String runner = runner();
        Deliveries.link(runner, "garmin", "4aacafe82427c251df9c9592d0c06768");
        double rejectedBefore = rejectedGarminSummaries();

        given().contentType(ContentType.JSON).body(DOCUMENTED_PUSH).when().post(Deliveries.garminUrl())
                .then().statusCode(200)
                .body("outcomes", contains("refused", "created"))
                .body("activityIds[0]", nullValue())
                .body("refused", hasSize(1))
                .body("refused[0].index", equalTo(0))
                .body("refused[0].summaryId", equalTo("EXAMPLE_12345"))
                .body("refused[0].field", equalTo("activities[0].distanceInMeters"));

        Callers.runner(runner).when().get("/api/v1/runners/{runner}/activities", runner).then().statusCode(200)
                .body("$", hasSize(1)).body("[0].sport", equalTo("ride")).body("[0].distanceMetres", equalTo(4322.357f));
        assertThat(Deliveries.count("SELECT count(*) FROM refused_delivery WHERE provider = 'garmin' AND item_id = ?"
                + " AND field = 'activities[0].distanceInMeters'", "EXAMPLE_12345")).isEqualTo(1);
        assertThat(rejectedGarminSummaries()).isEqualTo(rejectedBefore + 1);

        // The same push again (Garmin's resender) stores nothing twice.
        given().contentType(ContentType.JSON).body(DOCUMENTED_PUSH).when().post(Deliveries.garminUrl())
                .then().statusCode(200).body("outcomes", contains("refused", "duplicate"));
    }

    @Test
    void aPushWithoutOurSecretIsRefusedAndChangesNothing() {
        String runner = runner();
        String user = garminUser();
        Deliveries.link(runner, "garmin", user);
        String push = Deliveries.garminPush(user, "forged-1", Instant.parse("2026-11-20T06:00:00Z").getEpochSecond(), 42_195);
        given().contentType(ContentType.JSON).body(push).when().post("/api/v1/webhooks/garmin")
                .then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(push).when().post("/api/v1/webhooks/garmin/not-our-secret-but-32-characters-long")
                .then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"deregistrations\": [{\"userId\": \"" + user + "\"}]}")
                .when().post("/api/v1/webhooks/garmin/x").then().statusCode(401);

        Callers.runner(runner).when().get("/api/v1/runners/{runner}/activities", runner).then().statusCode(200)
                .body("$", hasSize(0));
        // The forged deregistration removed nothing: the runner's next real push is theirs.
        given().contentType(ContentType.JSON).body(push).when().post(Deliveries.garminUrl())
                .then().statusCode(200).body("outcomes", contains("created"));
    }

    @Test
    void aDeregistrationRemovesTheLinkAndWhatFollowsWaitsForANewOne() throws Exception {
        String runner = runner();
        String user = garminUser();
        Deliveries.link(runner, "garmin", user);
        given().contentType(ContentType.JSON).body("""
                {
                   "deregistrations": [
                      {
                         "userId": "%s"
                      }
                   ]
                }""".formatted(user)).when().post(Deliveries.garminUrl())
                .then().statusCode(200).body("deregistered", equalTo(1)).body("outcomes", hasSize(0));
        assertThat(Deliveries.count("SELECT count(*) FROM device_link WHERE provider = 'garmin' AND provider_user_id = ?", user))
                .isZero();
        given().contentType(ContentType.JSON)
                .body(Deliveries.garminPush(user, "after-1", Instant.parse("2026-11-21T06:00:00Z").getEpochSecond(), 5000))
                .when().post(Deliveries.garminUrl()).then().statusCode(200).body("outcomes", contains("unlinked"));
        Callers.runner(runner).when().get("/api/v1/runners/{runner}/activities", runner).then().body("$", hasSize(0));
    }

    @Test
    void aPermissionChangeWithoutActivityExportIsRecordedAndEndsFetchingForTheUser() throws Exception {
        String user = garminUser();
        String job = UUID.randomUUID().toString();
        try (Connection db = Deliveries.database(); PreparedStatement insert = db.prepareStatement("INSERT INTO fetch_job"
                + " (id, provider, provider_user_id, provider_activity_id, state, attempts, next_attempt_at, created_at)"
                + " VALUES (?::uuid, 'garmin', ?, 'backfill-1', 'UNLINKED', 0, now(), now())")) {
            insert.setString(1, job);
            insert.setString(2, user);
            insert.executeUpdate();
        }
        given().contentType(ContentType.JSON).body("""
                {"userPermissionsChange":[{
                  "userId" : "%s",
                  "summaryId" : "x120d383-60256e84",
                  "permissions" : [ "WORKOUT_IMPORT",
                        "HEALTH_EXPORT",
                        "COURSE_IMPORT",
                        "MCT_EXPORT"
                ],
                  "changeTimeInSeconds": 1613065860
                }]}""".formatted(user)).when().post(Deliveries.garminUrl())
                .then().statusCode(200).body("permissionChanges", equalTo(1));

        try (Connection db = Deliveries.database();
                PreparedStatement query = db.prepareStatement("SELECT permissions, changed_at FROM provider_permission"
                        + " WHERE provider = 'garmin' AND provider_user_id = ?")) {
            query.setString(1, user);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("WORKOUT_IMPORT,HEALTH_EXPORT,COURSE_IMPORT,MCT_EXPORT");
                assertThat(row.getTimestamp(2).toInstant()).isEqualTo(Instant.ofEpochSecond(1613065860));
            }
        }
        assertThat(Deliveries.count("SELECT count(*) FROM fetch_job WHERE id = ?::uuid AND state = 'FAILED'", job)).isEqualTo(1);
    }

    @Test
    void aBodyThatIsNoPushAtAllIsRefusedWhole() {
        given().contentType(ContentType.JSON).body("{\"dailies\": []}").when().post(Deliveries.garminUrl())
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("activities"));
        given().contentType(ContentType.JSON).body("{\"activities\": [1]}").when().post(Deliveries.garminUrl())
                .then().statusCode(400).body("errors[0].field", equalTo("activities[0]"));
    }
}
