package io.rebound.activity.files;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.garmin.fit.Sport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.rebound.activity.Callers;
import io.rebound.activity.ProviderApisResource;
import io.rebound.activity.files.SampleFiles.FitSession;
import io.rebound.testkit.DevstackResource;
import io.rebound.testkit.InfraAvailable;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Uploads that are no activity are refused with 422 saying why, and leave nothing stored. */
@QuarkusTest
@ExtendWith(InfraAvailable.class)
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "activity"))
@QuarkusTestResource(ProviderApisResource.class)
class FileBoundsIT {

    @TempDir
    Path directory;

    private static String runner() {
        return "runner-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String gpx(Instant... times) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < times.length; i++) {
            points.append("<trkpt lat=\"%s\" lon=\"8.0\"><time>%s</time></trkpt>\n".formatted(47.0 + i * 0.01, times[i]));
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
                  <trk><type>running</type><trkseg>
                %s  </trkseg></trk>
                </gpx>
                """.formatted(points);
    }

    private static ValidatableResponse upload(String runner, String name, byte[] content) {
        return Callers.runner(runner).multiPart("file", name, content, "application/octet-stream")
                .when().post("/api/v1/runners/{runner}/activities/files", runner).then();
    }

    private static void nothingStoredFor(String runner) {
        Callers.runner(runner).when().get("/api/v1/runners/{runner}/activities", runner).then().statusCode(200)
                .body("$", hasSize(0));
    }

    @Test
    void aGpxFileWithOnePointIsRefusedNotStoredAsNothing() {
        String runner = runner();
        Instant start = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);

        upload(runner, "one.gpx", gpx(start).getBytes(StandardCharsets.UTF_8))
                .statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("file"))
                .body("errors[0].message", containsString("only one track point with a time"));

        nothingStoredFor(runner);
    }

    @Test
    void aGpxFileWhosePointsRunTwoDaysAheadIsRefused() {
        String runner = runner();
        Instant start = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);

        upload(runner, "ahead.gpx", gpx(start, start.plusSeconds(600), start.plus(Duration.ofDays(2)))
                .getBytes(StandardCharsets.UTF_8))
                .statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("file"))
                .body("errors[0].message", containsString("track point 3 <time> must be in the year 2000 or later and"
                        + " at most 24 hours in the future"));

        nothingStoredFor(runner);
    }

    @Test
    void aMultisportFileWithALegOfNoTimeIsRefusedWhole() {
        String runner = runner();
        byte[] fit = SampleFiles.fit(directory.resolve("legs.fit"), null,
                new FitSession(Sport.RUNNING, null, 0, 1800, 5000, (short) 142),
                new FitSession(Sport.CYCLING, null, 1800, 0, 0, null));

        upload(runner, "legs.fit", fit)
                .statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("file"))
                .body("errors[0].message", containsString("session 2 has no duration"));

        nothingStoredFor(runner);
    }
}
