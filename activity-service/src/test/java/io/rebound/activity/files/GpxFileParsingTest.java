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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GpxFileParsingTest {

    /** Along a meridian the great circle is the meridian itself: R times the latitude difference in radians. */
    private static final double METRES_PER_MILLIDEGREE_OF_LATITUDE = 6_371_008.8 * Math.toRadians(0.001);

    private final ActivityFileParser parser = new ActivityFileParser();

    @Test
    void gpxTrackGivesDistanceDurationStartHeartRateAndSport() {
        byte[] gpx = SampleFiles.gpx("running",
                trackPoint(47.000, 0, 140) + trackPoint(47.001, 20, 150) + trackPoint(47.002, 40, 160) + trackPoint(47.003, 60, 150));

        DeviceActivity activity = parser.parse("morning.gpx", gpx);

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

        String id = parser.parse("a.gpx", gpx).providerActivityId();

        assertThat(parser.parse("b.gpx", gpx.clone()).providerActivityId()).isEqualTo(id);
        assertThat(parser.parse("a.gpx", other).providerActivityId()).isNotEqualTo(id);
    }

    @Test
    void gpxWithoutTypeOrHeartRateIsOtherWithNoHeartRate() {
        byte[] gpx = SampleFiles.gpx(null, trackPoint(47.000, 0, null) + trackPoint(47.001, 30, null));

        DeviceActivity activity = parser.parse("track.gpx", gpx);

        assertThat(activity.sport()).isEqualTo(Sport.OTHER);
        assertThat(activity.averageHeartRate()).isNull();
        assertThat(activity.durationSeconds()).isEqualTo(30);
    }

    @Test
    void gapBetweenSegmentsIsNotCountedAsDistance() {
        byte[] gpx = SampleFiles.gpx("running",
                trackPoint(47.000, 0, null) + trackPoint(47.001, 20, null),
                trackPoint(47.010, 120, null) + trackPoint(47.011, 140, null));

        DeviceActivity activity = parser.parse("paused.gpx", gpx);

        assertThat(activity.distanceMetres()).isCloseTo(2 * METRES_PER_MILLIDEGREE_OF_LATITUDE, offset(1.0));
        assertThat(activity.durationSeconds()).isEqualTo(140);
    }

    @Test
    void gpxNamedFitIsStillReadAsGpx() {
        byte[] gpx = SampleFiles.gpx("running", trackPoint(47.000, 0, 140) + trackPoint(47.001, 20, 150));

        assertThat(parser.parse("misnamed.fit", gpx).distanceMetres())
                .isCloseTo(METRES_PER_MILLIDEGREE_OF_LATITUDE, offset(1.0));
    }

    @Test
    void gpxWithoutTrackPointsIsRefused() {
        byte[] gpx = SampleFiles.gpx("running");

        assertThatThrownBy(() -> parser.parse("empty.gpx", gpx))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("the GPX file has no track points with times");
    }

    @Test
    void gpxWithNoTracksAtAllIsRefused() {
        byte[] gpx = """
                <?xml version="1.0"?><gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1"/>"""
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse("empty.gpx", gpx))
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

        assertThatThrownBy(() -> parser.parse("evil.gpx", gpx))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining("TOP-SECRET-MARKER");
    }

    @Test
    void malformedGpxIsRefused() {
        byte[] gpx = "<gpx version=\"1.1\"><trk><trkseg><trkpt lat=\"47\" lon=\"8\">".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse("cut.gpx", gpx))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("the GPX file is not well-formed XML (line 1): ")
                .hasMessageNotContaining("Message:");
    }
}
