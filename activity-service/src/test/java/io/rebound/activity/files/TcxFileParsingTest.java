package io.rebound.activity.files;

import static io.rebound.activity.files.SampleFiles.tcxLap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.rebound.activity.ingest.DeviceActivity;
import io.rebound.activity.ingest.Provider;
import io.rebound.events.Sport;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class TcxFileParsingTest {

    private final ActivityFileParser parser = new ActivityFileParser();

    /** The file's one activity: these files are not multisport. */
    private DeviceActivity parse(String fileName, byte[] content) {
        List<DeviceActivity> activities = parser.parse(fileName, content);
        assertThat(activities).hasSize(1);
        return activities.get(0);
    }

    @Test
    void tcxLapsAreSummedAndHeartRateWeightedByDuration() {
        byte[] tcx = SampleFiles.tcx("Running",
                tcxLap("2024-05-01T05:30:00Z", 600, 2000, 140),
                tcxLap("2024-05-01T05:40:00Z", 1200, 3000, 155));

        DeviceActivity activity = parse("run.tcx", tcx);

        assertThat(activity.provider()).isEqualTo(Provider.FILE);
        assertThat(activity.sport()).isEqualTo(Sport.RUN);
        assertThat(activity.startTime()).isEqualTo(OffsetDateTime.parse("2024-05-01T05:30:00Z"));
        assertThat(activity.durationSeconds()).isEqualTo(1800);
        assertThat(activity.distanceMetres()).isCloseTo(5000.0, offset(0.001));
        // (140 x 600 + 155 x 1200) / 1800 = 150, where a plain mean of the laps would say 147.5
        assertThat(activity.averageHeartRate()).isEqualTo(150);
        assertThat(parse("copy.tcx", tcx.clone()).providerActivityId()).isEqualTo(activity.providerActivityId());
    }

    @Test
    void tcxBikingWithoutHeartRateIsARideWithNoHeartRate() {
        byte[] tcx = SampleFiles.tcx("Biking", tcxLap("2024-05-01T07:30:00+02:00", 3600, 30000, null));

        DeviceActivity activity = parse("ride.tcx", tcx);

        assertThat(activity.sport()).isEqualTo(Sport.RIDE);
        assertThat(activity.averageHeartRate()).isNull();
        assertThat(activity.startTime()).isEqualTo(OffsetDateTime.parse("2024-05-01T07:30:00+02:00"));
    }

    @Test
    void tcxOtherSportIsOther() {
        byte[] tcx = SampleFiles.tcx("Other", tcxLap("2024-05-01T05:30:00Z", 600, 0, null));

        assertThat(parse("other.tcx", tcx).sport()).isEqualTo(Sport.OTHER);
    }

    @Test
    void tcxWithoutLapsIsRefused() {
        byte[] tcx = SampleFiles.tcx("Running");

        assertThatThrownBy(() -> parse("run.tcx", tcx))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("has no <Lap>");
    }

    @Test
    void tcxWithoutActivitiesIsRefused() {
        byte[] tcx = """
                <TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"/>"""
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parse("run.tcx", tcx))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("has no <Activity>");
    }

    @Test
    void tcxLapWithABadStartTimeNamesIt() {
        byte[] tcx = SampleFiles.tcx("Running", tcxLap("yesterday", 600, 2000, 140));

        assertThatThrownBy(() -> parse("run.tcx", tcx))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("lap 1 StartTime 'yesterday' is not a date-time");
    }
}
