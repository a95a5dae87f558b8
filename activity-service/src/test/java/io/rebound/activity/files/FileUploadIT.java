package io.rebound.activity.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.garmin.fit.SubSport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.rebound.activity.Callers;
import io.rebound.activity.ProviderApisResource;
import io.rebound.activity.files.SampleFiles.FitSession;
import io.rebound.testkit.DevstackResource;
import io.rebound.testkit.InfraAvailable;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Uploads through HTTP into real PostgreSQL: a file is one activity, however often it comes. */
@QuarkusTest
@ExtendWith(InfraAvailable.class)
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "activity"))
@QuarkusTestResource(ProviderApisResource.class)
class FileUploadIT {

    /** Three points 0.01 degrees of latitude apart on one meridian (about 2224 m in all), 12 minutes long. */
    private static final String GPX = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
              <trk><type>running</type><trkseg>
                <trkpt lat="47.000" lon="8.0"><time>2026-11-20T06:00:00Z</time></trkpt>
                <trkpt lat="47.010" lon="8.0"><time>2026-11-20T06:06:00Z</time></trkpt>
                <trkpt lat="47.020" lon="8.0"><time>2026-11-20T06:12:00Z</time></trkpt>
              </trkseg></trk>
            </gpx>
            """;

    private static String runner() {
        return "runner-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void gpxFileBecomesOneActivityEvenWhenUploadedTwice() {
        String runner = runner();
        Callers.runner(runner).multiPart("file", "morning.gpx", GPX.getBytes(StandardCharsets.UTF_8), "application/gpx+xml")
                .when().post("/api/v1/runners/{runner}/activities/files", runner)
                .then().statusCode(201).body("outcome", equalTo("created"))
                .body("activities", hasSize(1)).body("activities[0].sport", equalTo("run"));
        Callers.runner(runner).multiPart("file", "morning-again.gpx", GPX.getBytes(StandardCharsets.UTF_8), "application/gpx+xml")
                .when().post("/api/v1/runners/{runner}/activities/files", runner)
                .then().statusCode(200).body("outcome", equalTo("duplicate")).body("activities[0].outcome", equalTo("duplicate"));
        Callers.runner(runner).when().get("/api/v1/runners/{runner}/activities", runner).then().statusCode(200)
                .body("$", org.hamcrest.Matchers.hasSize(1))
                .body("[0].sport", equalTo("run"))
                .body("[0].durationSeconds", equalTo(720))
                .body("[0].startTime", equalTo("2026-11-20T06:00:00Z"));
    }

    @Test
    void theSameFileFromTwoRunnersIsAnActivityOfEach() {
        String ana = runner();
        String ben = runner();
        String anas = Callers.runner(ana).multiPart("file", "shared.gpx", GPX.getBytes(StandardCharsets.UTF_8), "application/gpx+xml")
                .when().post("/api/v1/runners/{runner}/activities/files", ana)
                .then().statusCode(201).body("outcome", equalTo("created")).extract().path("activityId");
        String bens = Callers.runner(ben).multiPart("file", "shared.gpx", GPX.getBytes(StandardCharsets.UTF_8), "application/gpx+xml")
                .when().post("/api/v1/runners/{runner}/activities/files", ben)
                .then().statusCode(201).body("outcome", equalTo("created")).extract().path("activityId");
        org.assertj.core.api.Assertions.assertThat(bens).isNotEqualTo(anas);
        Callers.runner(ben).when().get("/api/v1/runners/{runner}/activities", ben).then().statusCode(200)
                .body("$", org.hamcrest.Matchers.hasSize(1)).body("[0].activityId", equalTo(bens));
        Callers.runner(ana).multiPart("file", "shared.gpx", GPX.getBytes(StandardCharsets.UTF_8), "application/gpx+xml")
                .when().post("/api/v1/runners/{runner}/activities/files", ana)
                .then().statusCode(200).body("outcome", equalTo("duplicate")).body("activityId", equalTo(anas));
    }

    @Test
    void corruptFileIsUnprocessableAndStoresNothing() {
        String runner = runner();
        byte[] garbage = new byte[512];
        new java.util.Random(7).nextBytes(garbage);
        Callers.runner(runner).multiPart("file", "watch.fit", garbage, "application/octet-stream")
                .when().post("/api/v1/runners/{runner}/activities/files", runner)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("file"))
                .body("detail", containsString("not a FIT, GPX or TCX file"));
        Callers.runner(runner).when().get("/api/v1/runners/{runner}/activities", runner).then().body("$", org.hamcrest.Matchers.hasSize(0));
    }

    @Test
    void wrongMediaTypeOrMissingFileIsRefused() {
        Callers.admin().contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/runners/{runner}/activities/files", runner())
                .then().statusCode(415).contentType("application/problem+json");
        Callers.admin().multiPart("other", "x.txt", "hello".getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/runners/{runner}/activities/files", runner())
                .then().statusCode(400).body("errors[0].field", equalTo("file"));
    }

    @Test
    void multisportFitBecomesOneActivityPerLegAndEachLegIsRecognisedAgain(@TempDir Path directory) {
        String runner = runner();
        byte[] fit = SampleFiles.fit(directory.resolve("brick.fit"), null,
                new FitSession(com.garmin.fit.Sport.RUNNING, SubSport.STREET, 0, 1200, 4000, (short) 150),
                new FitSession(com.garmin.fit.Sport.TRANSITION, null, 1200, 90, 100, null),
                new FitSession(com.garmin.fit.Sport.CYCLING, SubSport.ROAD, 1290, 3600, 30000, (short) 140),
                new FitSession(com.garmin.fit.Sport.RUNNING, SubSport.TRAIL, 4950, 900, 2800, (short) 160));

        List<String> ids = Callers.runner(runner).multiPart("file", "brick.fit", fit, "application/octet-stream")
                .when().post("/api/v1/runners/{runner}/activities/files", runner)
                .then().statusCode(201).body("outcome", equalTo("created"))
                .body("activities.outcome", contains("created", "created", "created"))
                .body("activities.sport", contains("run", "ride", "trail_run"))
                .extract().path("activities.activityId");
        assertThat(Set.copyOf(ids)).hasSize(3);

        Callers.runner(runner).multiPart("file", "brick-again.fit", fit, "application/octet-stream")
                .when().post("/api/v1/runners/{runner}/activities/files", runner)
                .then().statusCode(200).body("outcome", equalTo("duplicate"))
                .body("activityId", equalTo(ids.get(0)))
                .body("activities.outcome", contains("duplicate", "duplicate", "duplicate"))
                .body("activities.activityId", contains(ids.toArray()));
        Callers.runner(runner).when().get("/api/v1/runners/{runner}/activities", runner).then().statusCode(200)
                .body("$", hasSize(3))
                .body("sport", containsInAnyOrder("run", "ride", "trail_run"))
                .body("find { it.sport == 'trail_run' }.distanceMetres", equalTo(2800.0f));
    }
}
