package io.rebound.activity.files;

import static io.rebound.activity.files.SampleFiles.trackPoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.rebound.activity.ingest.DeviceActivity;
import io.rebound.activity.ingest.Provider;
import io.rebound.events.Sport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GpxFileParsingTest {

    /** Along a meridian the great circle is the meridian itself: R times the latitude difference in radians. */
    private static final double METRES_PER_MILLIDEGREE_OF_LATITUDE = 6_371_008.8 * Math.toRadians(0.001);

    private final ActivityFileParser parser = new ActivityFileParser();

    /** The file's one activity: these files are not multisport. */
    private DeviceActivity parse(String fileName, byte[] content) {
        List<DeviceActivity> activities = parser.parse(fileName, content);
        assertThat(activities).hasSize(1);
        return activities.get(0);
    }

    @Test
    void gpxTrackGivesDistanceDurationStartHeartRateAndSport() {
        byte[] gpx = SampleFiles.gpx("running",
                trackPoint(47.000, 0, 140) + trackPoint(47.001, 20, 150) + trackPoint(47.002, 40, 160) + trackPoint(47.003, 60, 150));

        DeviceActivity activity = parse("morning.gpx", gpx);

        assertThat(METRES_PER_MILLIDEGREE_OF_LATITUDE).isCloseTo(111.2, offset(0.05));
        assertThat(activity.provider()).isEqualTo(Provider.FILE);
        assertThat(activity.distanceMetres()).isCloseTo(3 * METRES_PER_MILLIDEGREE_OF_LATITUDE, offset(1.0));
        assertThat(activity.durationSeconds()).isEqualTo(60);
        assertThat(activity.startTime()).isEqualTo(OffsetDateTime.parse("2024-05-01T07:30:00+02:00"));
        assertThat(activity.startTime().getOffset()).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(activity.averageHeartRate()).isEqualTo(150);
        assertThat(activity.sport()).isEqualTo(Sport.RUN);
        assertThat(activity.providerActivityId()).matches("sha256:[0-9a-f]{64}");
    }

    @Test
    void sameGpxBytesGiveTheSameActivityIdAndOtherBytesAnother() {
        byte[] gpx = SampleFiles.gpx("running", trackPoint(47.000, 0, 140) + trackPoint(47.001, 20, 150));
        byte[] other = SampleFiles.gpx("running", trackPoint(47.000, 0, 140) + trackPoint(47.002, 20, 150));

        String id = parse("a.gpx", gpx).providerActivityId();

        assertThat(parse("b.gpx", gpx.clone()).providerActivityId()).isEqualTo(id);
        assertThat(parse("a.gpx", other).providerActivityId()).isNotEqualTo(id);
    }

    @Test
    void gpxWithoutTypeOrHeartRateTooShortToJudgeIsARunWithNoHeartRate() {
        byte[] gpx = SampleFiles.gpx(null, trackPoint(47.000, 0, null) + trackPoint(47.001, 30, null));

        DeviceActivity activity = parse("track.gpx", gpx);

        assertThat(activity.sport()).isEqualTo(Sport.RUN);
        assertThat(activity.averageHeartRate()).isNull();
        assertThat(activity.durationSeconds()).isEqualTo(30);
    }

    @Test
    void gapBetweenSegmentsCountsAsNeitherDistanceNorTime() {
        byte[] gpx = SampleFiles.gpx("running",
                trackPoint(47.000, 0, null) + trackPoint(47.001, 20, null),
                trackPoint(47.010, 120, null) + trackPoint(47.011, 140, null));

        DeviceActivity activity = parse("paused.gpx", gpx);

        assertThat(activity.distanceMetres()).isCloseTo(2 * METRES_PER_MILLIDEGREE_OF_LATITUDE, offset(1.0));
        assertThat(activity.durationSeconds()).isEqualTo(40);
    }

    @Test
    void gpx10AsGpsBabelWritesItIsRead() {
        byte[] gpx = SampleFiles.gpx10(SampleFiles.gpx10Point(47.000, 0), SampleFiles.gpx10Point(47.001, 40),
                SampleFiles.gpx10Point(47.002, 80), SampleFiles.gpx10Point(47.003, 120));

        DeviceActivity activity = parse("gpsbabel.gpx", gpx);

        assertThat(activity.distanceMetres()).isCloseTo(3 * METRES_PER_MILLIDEGREE_OF_LATITUDE, offset(1.0));
        assertThat(activity.durationSeconds()).isEqualTo(120);
        assertThat(activity.startTime()).isEqualTo(OffsetDateTime.parse("2024-05-01T05:30:00Z"));
        assertThat(activity.sport()).as("no type, 2.8 m/s: a run by its pace").isEqualTo(Sport.RUN);
    }

    @Test
    void autoPausedStretchWithoutPointsIsNotCounted() {
        // 10 minutes at 2.5 m/s, a 15-minute pause in which the watch drifted 30 m, then 10 minutes more.
        byte[] gpx = SampleFiles.gpx("running", SampleFiles.point(47.0, 8.0, 0)
                + SampleFiles.point(47.0 + 1500 / 111_195.0, 8.0, 600)
                + SampleFiles.point(47.0 + 1530 / 111_195.0, 8.0, 1500)
                + SampleFiles.point(47.0 + 3030 / 111_195.0, 8.0, 2100));

        DeviceActivity activity = parse("auto-pause.gpx", gpx);

        assertThat(activity.durationSeconds()).isEqualTo(1200);
        assertThat(activity.distanceMetres()).isCloseTo(3000, offset(2.0));
    }

    @Test
    void standingStillWhileRecordingIsNotCounted() {
        // Running north 600 m in 4 minutes, standing 2 minutes at a crossing (GPS noise of a few metres each second),
        // then running on 600 m in 4 minutes.
        StringBuilder points = new StringBuilder();
        double metresPerDegree = 111_195.0;
        for (int s = 0; s <= 240; s += 5) {
            points.append(SampleFiles.point(47.0 + 2.5 * s / metresPerDegree, 8.0, s));
        }
        double stop = 47.0 + 600 / metresPerDegree;
        for (int s = 241; s <= 360; s++) {
            double noise = ((s * 7919) % 7 - 3) / metresPerDegree;
            points.append(SampleFiles.point(stop + noise, 8.0 + noise, s));
        }
        for (int s = 365; s <= 600; s += 5) {
            points.append(SampleFiles.point(stop + 2.5 * (s - 360) / metresPerDegree, 8.0, s));
        }

        DeviceActivity activity = parse("crossing.gpx", SampleFiles.gpx("running", points.toString()));

        assertThat(activity.durationSeconds()).isCloseTo(480L, offset(10L));
        assertThat(activity.distanceMetres()).isCloseTo(1200, offset(15.0));
    }

    @Test
    void trackThatNeverMovesKeepsItsElapsedTime() {
        // Some indoor recordings write every point at one position.
        byte[] gpx = SampleFiles.gpx("treadmill_running", SampleFiles.point(47.0, 8.0, 0) + SampleFiles.point(47.0, 8.0, 900)
                + SampleFiles.point(47.0, 8.0, 1800));

        DeviceActivity activity = parse("indoor.gpx", gpx);

        assertThat(activity.durationSeconds()).isEqualTo(1800);
        assertThat(activity.sport()).isEqualTo(Sport.TREADMILL_RUN);
    }

    @Test
    void untypedTrackIsAWalkARunOrARideByItsPace() {
        assertThat(parse("walk.gpx", straightLine(null, 1.2, 1200)).sport()).as("1.2 m/s").isEqualTo(Sport.WALK);
        assertThat(parse("jog.gpx", straightLine(null, 1.8, 1200)).sport()).as("1.8 m/s, a slow jog").isEqualTo(Sport.RUN);
        assertThat(parse("run.gpx", straightLine(null, 3.2, 1200)).sport()).as("3.2 m/s").isEqualTo(Sport.RUN);
        assertThat(parse("ride.gpx", straightLine(null, 7.0, 1200)).sport()).as("7 m/s").isEqualTo(Sport.RIDE);
        assertThat(parse("unknown-number.gpx", straightLine("53", 1.2, 1200)).sport())
                .as("a number that is not Strava's: judged by pace too").isEqualTo(Sport.WALK);
    }

    @Test
    void typedTrackKeepsItsTypeWhateverItsPace() {
        assertThat(parse("strava.gpx", straightLine("9", 1.2, 1200)).sport()).as("Strava's 9").isEqualTo(Sport.RUN);
        assertThat(parse("strava-walk.gpx", straightLine("10", 3.0, 1200)).sport()).as("Strava's 10").isEqualTo(Sport.WALK);
        assertThat(parse("garmin.gpx", straightLine("trail_running", 1.2, 1200)).sport()).isEqualTo(Sport.TRAIL_RUN);
        assertThat(parse("garmin-treadmill.gpx", straightLine("treadmill_running", 3.0, 1200)).sport())
                .isEqualTo(Sport.TREADMILL_RUN);
        assertThat(parse("kite.gpx", straightLine("Kitesurf", 3.0, 1200)).sport()).as("a word Rebound does not know")
                .isEqualTo(Sport.OTHER);
    }

    /** A track due north at a steady speed, a point every 10 s. */
    private static byte[] straightLine(String type, double metresPerSecond, int seconds) {
        StringBuilder points = new StringBuilder();
        for (int s = 0; s <= seconds; s += 10) {
            points.append(SampleFiles.point(47.0 + metresPerSecond * s / 111_195.0, 8.0, s));
        }
        return SampleFiles.gpx(type, points.toString());
    }

    @Test
    void gpxNamedFitIsStillReadAsGpx() {
        byte[] gpx = SampleFiles.gpx("running", trackPoint(47.000, 0, 140) + trackPoint(47.001, 20, 150));

        assertThat(parse("misnamed.fit", gpx).distanceMetres())
                .isCloseTo(METRES_PER_MILLIDEGREE_OF_LATITUDE, offset(1.0));
    }

    @Test
    void gpxWithoutTrackPointsIsRefused() {
        byte[] gpx = SampleFiles.gpx("running");

        assertThatThrownBy(() -> parse("empty.gpx", gpx))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("the GPX file has no track points with times");
    }

    @Test
    void gpxWithNoTracksAtAllIsRefused() {
        byte[] gpx = """
                <?xml version="1.0"?><gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1"/>"""
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parse("empty.gpx", gpx))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("the GPX file has no track points with times");
    }

    @Test
    void gpxWithAnExternalEntityIsRefusedWithoutResolvingIt(@TempDir Path directory) throws IOException {
        Path secret = Files.writeString(directory.resolve("secret.txt"), "TOP-SECRET-MARKER");
        byte[] gpx = ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE gpx [<!ENTITY secret SYSTEM "%s">]>
                <gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1">
                  <trk><name>&secret;</name><trkseg>%s%s</trkseg></trk>
                </gpx>
                """.formatted(secret.toUri(), trackPoint(47.0, 0, null), trackPoint(47.001, 20, null)))
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parse("evil.gpx", gpx))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining("TOP-SECRET-MARKER");
    }

    @Test
    void malformedGpxIsRefused() {
        byte[] gpx = "<gpx version=\"1.1\"><trk><trkseg><trkpt lat=\"47\" lon=\"8\">".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parse("cut.gpx", gpx))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("the GPX file is not well-formed XML (line 1): ")
                .hasMessageNotContaining("Message:");
    }
}
