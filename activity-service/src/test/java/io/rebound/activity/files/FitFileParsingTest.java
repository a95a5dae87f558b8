package io.rebound.activity.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.rebound.activity.ingest.DeviceActivity;
import io.rebound.activity.ingest.Provider;
import io.rebound.events.Sport;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitFileParsingTest {

    private final ActivityFileParser parser = new ActivityFileParser();

    @TempDir
    Path directory;

    @Test
    void fitRunSessionBecomesTheActivity() {
        byte[] fit = SampleFiles.fitRun(directory, null);

        DeviceActivity activity = parser.parse("run.fit", fit);

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

        DeviceActivity activity = parser.parse("run.fit", fit);

        assertThat(activity.startTime()).isEqualTo(OffsetDateTime.parse("2024-05-01T07:30:00+02:00"));
        assertThat(activity.startTime().toInstant()).isEqualTo(SampleFiles.START);
    }

    @Test
    void sameFitBytesGiveTheSameActivityId() {
        byte[] fit = SampleFiles.fitRun(directory, null);

        assertThat(parser.parse("a.fit", fit).providerActivityId())
                .isEqualTo(parser.parse("renamed.fit", fit.clone()).providerActivityId());
    }

    @Test
    void fitWithAFlippedByteIsCorrupt() {
        byte[] fit = SampleFiles.fitRun(directory, null);
        byte[] altered = fit.clone();
        int middle = altered.length / 2;
        altered[middle] = (byte) ~altered[middle];
        altered[middle + 1] = (byte) ~altered[middle + 1];

        assertThatThrownBy(() -> parser.parse("run.fit", altered))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("the FIT file is corrupt: ");
    }

    @Test
    void truncatedFitIsCorrupt() {
        byte[] fit = SampleFiles.fitRun(directory, null);
        byte[] truncated = Arrays.copyOf(fit, fit.length - 20);

        assertThatThrownBy(() -> parser.parse("run.fit", truncated))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("the FIT file is corrupt: ");
    }

    @Test
    void fitHeaderAloneIsCorrupt() {
        byte[] fit = SampleFiles.fitRun(directory, null);
        byte[] headerOnly = Arrays.copyOf(fit, 14);

        assertThatThrownBy(() -> parser.parse("run.fit", headerOnly))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("the FIT file is corrupt: ");
    }
}
