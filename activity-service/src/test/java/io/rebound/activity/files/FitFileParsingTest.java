package io.rebound.activity.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import com.garmin.fit.SubSport;
import io.rebound.activity.files.SampleFiles.FitSession;
import io.rebound.activity.ingest.DeviceActivity;
import io.rebound.activity.ingest.Provider;
import io.rebound.events.Sport;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitFileParsingTest {

    private final ActivityFileParser parser = new ActivityFileParser();

    /** The file's one activity: these files are not multisport. */
    private DeviceActivity parse(String fileName, byte[] content) {
        List<DeviceActivity> activities = parser.parse(fileName, content);
        assertThat(activities).hasSize(1);
        return activities.get(0);
    }

    @TempDir
    Path directory;

    @Test
    void fitRunSessionBecomesTheActivity() {
        byte[] fit = SampleFiles.fitRun(directory, null);

        DeviceActivity activity = parse("run.fit", fit);

        assertThat(activity.provider()).isEqualTo(Provider.FILE);
        assertThat(activity.sport()).isEqualTo(Sport.RUN);
        assertThat(activity.startTime()).isEqualTo(OffsetDateTime.parse("2024-05-01T05:30:00Z"));
        assertThat(activity.startTime().getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(activity.durationSeconds()).isEqualTo(1800);
        assertThat(activity.distanceMetres()).isCloseTo(5000.0, offset(0.01));
        assertThat(activity.averageHeartRate()).isEqualTo(142);
        assertThat(activity.providerActivityId()).matches("sha256:[0-9a-f]{64}");
    }

    @Test
    void fitLocalTimestampGivesTheStartItsOffset() {
        byte[] fit = SampleFiles.fitRun(directory, 7200L);

        DeviceActivity activity = parse("run.fit", fit);

        assertThat(activity.startTime()).isEqualTo(OffsetDateTime.parse("2024-05-01T07:30:00+02:00"));
        assertThat(activity.startTime().toInstant()).isEqualTo(SampleFiles.START);
    }

    @Test
    void sameFitBytesGiveTheSameActivityId() {
        byte[] fit = SampleFiles.fitRun(directory, null);

        assertThat(parse("a.fit", fit).providerActivityId())
                .isEqualTo(parse("renamed.fit", fit.clone()).providerActivityId());
    }

    @Test
    void fitWithAFlippedByteIsCorrupt() {
        byte[] fit = SampleFiles.fitRun(directory, null);
        byte[] altered = fit.clone();
        int middle = altered.length / 2;
        altered[middle] = (byte) ~altered[middle];
        altered[middle + 1] = (byte) ~altered[middle + 1];

        assertThatThrownBy(() -> parse("run.fit", altered))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("the FIT file is corrupt: ");
    }

    @Test
    void truncatedFitIsCorrupt() {
        byte[] fit = SampleFiles.fitRun(directory, null);
        byte[] truncated = Arrays.copyOf(fit, fit.length - 20);

        assertThatThrownBy(() -> parse("run.fit", truncated))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("the FIT file is corrupt: ");
    }

    @Test
    void fitHeaderAloneIsCorrupt() {
        byte[] fit = SampleFiles.fitRun(directory, null);
        byte[] headerOnly = Arrays.copyOf(fit, 14);

        assertThatThrownBy(() -> parse("run.fit", headerOnly))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("the FIT file is corrupt: ");
    }

    @Test
    void multisportFitIsOneActivityPerLegAndTransitionsAreLeftOut() {
        byte[] fit = SampleFiles.fit(directory.resolve("brick.fit"), 3600L,
                new FitSession(com.garmin.fit.Sport.RUNNING, SubSport.STREET, 0, 1200, 4000, (short) 150),
                new FitSession(com.garmin.fit.Sport.TRANSITION, SubSport.RUN_TO_BIKE_TRANSITION, 1200, 90, 100, null),
                new FitSession(com.garmin.fit.Sport.CYCLING, SubSport.ROAD, 1290, 3600, 30000, (short) 140),
                new FitSession(com.garmin.fit.Sport.TRANSITION, SubSport.BIKE_TO_RUN_TRANSITION, 4890, 60, 50, null),
                new FitSession(com.garmin.fit.Sport.RUNNING, SubSport.GENERIC, 4950, 900, 2800, (short) 160));

        List<DeviceActivity> legs = parser.parse("brick.fit", fit);

        assertThat(legs).extracting(DeviceActivity::sport).containsExactly(Sport.RUN, Sport.RIDE, Sport.RUN);
        assertThat(legs).extracting(DeviceActivity::durationSeconds).containsExactly(1200L, 3600L, 900L);
        assertThat(legs).extracting(DeviceActivity::averageHeartRate).containsExactly(150, 140, 160);
        assertThat(legs.get(2).startTime()).isEqualTo(OffsetDateTime.parse("2024-05-01T07:52:30+01:00"));
        String fileId = legs.get(0).providerActivityId();
        assertThat(fileId).matches("sha256:[0-9a-f]{64}");
        assertThat(legs).extracting(DeviceActivity::providerActivityId).containsExactly(fileId, fileId + "#leg2", fileId + "#leg3");
        assertThat(parser.parse("again.fit", fit.clone())).extracting(DeviceActivity::providerActivityId)
                .containsExactly(fileId, fileId + "#leg2", fileId + "#leg3");
    }

    @Test
    void subSportSaysWhatKindOfRunOrMachineItWas() {
        assertThat(oneSession(com.garmin.fit.Sport.RUNNING, SubSport.TREADMILL)).isEqualTo(Sport.TREADMILL_RUN);
        assertThat(oneSession(com.garmin.fit.Sport.RUNNING, SubSport.TRAIL)).isEqualTo(Sport.TRAIL_RUN);
        assertThat(oneSession(com.garmin.fit.Sport.RUNNING, SubSport.TRACK)).isEqualTo(Sport.TRACK_RUN);
        assertThat(oneSession(com.garmin.fit.Sport.RUNNING, SubSport.STREET)).isEqualTo(Sport.RUN);
        assertThat(oneSession(com.garmin.fit.Sport.FITNESS_EQUIPMENT, SubSport.INDOOR_ROWING)).isEqualTo(Sport.ROW);
        assertThat(oneSession(com.garmin.fit.Sport.ROWING, SubSport.INDOOR_ROWING)).isEqualTo(Sport.ROW);
        assertThat(oneSession(com.garmin.fit.Sport.FITNESS_EQUIPMENT, SubSport.ELLIPTICAL)).isEqualTo(Sport.ELLIPTICAL);
        assertThat(oneSession(com.garmin.fit.Sport.FITNESS_EQUIPMENT, SubSport.STAIR_CLIMBING)).isEqualTo(Sport.ELLIPTICAL);
        assertThat(oneSession(com.garmin.fit.Sport.FITNESS_EQUIPMENT, SubSport.TREADMILL)).isEqualTo(Sport.TREADMILL_RUN);
        assertThat(oneSession(com.garmin.fit.Sport.CYCLING, SubSport.INDOOR_CYCLING)).isEqualTo(Sport.RIDE);
        assertThat(oneSession(com.garmin.fit.Sport.TRAINING, SubSport.YOGA)).isEqualTo(Sport.YOGA);
    }

    @Test
    void fitOfTransitionsAloneIsRefused() {
        byte[] fit = SampleFiles.fit(directory.resolve("t.fit"), null,
                new FitSession(com.garmin.fit.Sport.TRANSITION, null, 0, 60, 10, null));

        assertThatThrownBy(() -> parser.parse("t.fit", fit))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("only transition sessions");
    }

    private Sport oneSession(com.garmin.fit.Sport sport, SubSport subSport) {
        Path path = directory.resolve(sport + "-" + subSport + ".fit");
        return parse(path.getFileName().toString(), SampleFiles.fit(path, null, new FitSession(sport, subSport, 0, 600, 1000, null))).sport();
    }
}
