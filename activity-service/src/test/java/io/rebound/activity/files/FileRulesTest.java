package io.rebound.activity.files;

import static io.rebound.activity.files.SampleFiles.point;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.garmin.fit.Sport;
import io.rebound.activity.files.SampleFiles.FitSession;
import io.rebound.activity.ingest.ActivityTimes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every file must have to be an activity: two points or more, a duration, and times in bounds. */
class FileRulesTest {

    private static final long TWO_DAYS = 2 * 86_400;

    /** An hour after the sample files' start: their own times are in the past. */
    private final ActivityFileParser parser = new ActivityFileParser(
            new ActivityTimes(Clock.fixed(SampleFiles.START.plusSeconds(3600), ZoneOffset.UTC)));

    @TempDir
    Path directory;

    @Test
    void aGpxFileWithOnePointIsRefusedRatherThanStoredAsNothing() {
        byte[] gpx = SampleFiles.gpx("running", point(47.0, 8.0, 0));

        assertThatThrownBy(() -> parser.parse("one.gpx", gpx)).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("only one track point with a time");
    }

    @Test
    void aGpxFileWhosePointsShareOneTimeHasNoDuration() {
        byte[] gpx = SampleFiles.gpx("running", point(47.0, 8.0, 0) + point(47.01, 8.0, 0));

        assertThatThrownBy(() -> parser.parse("still.gpx", gpx)).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("the GPX file's track has no duration");
    }

    @Test
    void aGpxPointTwoDaysAheadIsRefusedEvenWhenTheStartIsFine() {
        byte[] gpx = SampleFiles.gpx("running", point(47.0, 8.0, 0) + point(47.01, 8.0, 600) + point(47.02, 8.0, TWO_DAYS));

        assertThatThrownBy(() -> parser.parse("ahead.gpx", gpx)).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("the GPX file's track point 3 <time> must be in the year 2000 or later and at"
                        + " most 24 hours in the future (got 2024-05-03T05:30:00Z)");
    }

    @Test
    void aGpxFileFromBefore2000IsRefused() {
        byte[] gpx = new String(SampleFiles.gpx("running", point(47.0, 8.0, 0) + point(47.01, 8.0, 600)),
                StandardCharsets.UTF_8).replace("2024-05-01", "1999-05-01").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse("old.gpx", gpx)).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("track point 1 <time> must be in the year 2000 or later");
    }

    @Test
    void aTcxFileOfNoTimeIsRefused() {
        byte[] tcx = SampleFiles.tcx("Running", SampleFiles.tcxLap("2024-05-01T05:30:00Z", 0, 0, null));

        assertThatThrownBy(() -> parser.parse("nothing.tcx", tcx)).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("the TCX file's activity has no duration");
    }

    @Test
    void aTcxTrackPointOrLapAheadIsRefused() {
        String lap = SampleFiles.tcxLap("2024-05-01T05:30:00Z", 600, 2000, null);
        byte[] pointAhead = SampleFiles.tcx("Running", lap.replace("<Time>2024-05-01T05:30:00Z</Time>",
                "<Time>2090-05-01T05:30:00Z</Time>"));
        byte[] lapAhead = SampleFiles.tcx("Running", lap,
                SampleFiles.tcxLap("2024-05-03T05:30:00Z", 600, 2000, null).replace("<Time>2024-05-03T05:30:00Z</Time>",
                        "<Time>2024-05-01T05:40:00Z</Time>"));

        assertThatThrownBy(() -> parser.parse("ahead.tcx", pointAhead)).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("the TCX file's track point 1 <Time> must be in the year 2000 or later and at most"
                        + " 24 hours in the future (got 2090-05-01T05:30:00Z)");
        assertThatThrownBy(() -> parser.parse("lap-ahead.tcx", lapAhead)).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("the TCX file's lap 2 StartTime must be in the year 2000 or later");
    }

    @Test
    void aMultisportLegOfNoTimeRefusesTheFile() {
        byte[] fit = SampleFiles.fit(directory.resolve("legs.fit"), null,
                new FitSession(Sport.RUNNING, null, 0, 1800, 5000, (short) 142),
                new FitSession(Sport.CYCLING, null, 1800, 0, 0, null));

        assertThatThrownBy(() -> parser.parse("legs.fit", fit)).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("the FIT file's session 2 has no duration");
    }

    @Test
    void aMultisportLegStartingTwoDaysAheadRefusesTheFile() {
        byte[] fit = SampleFiles.fit(directory.resolve("later.fit"), null,
                new FitSession(Sport.RUNNING, null, 0, 1800, 5000, (short) 142),
                new FitSession(Sport.CYCLING, null, TWO_DAYS, 3600, 30000, null));

        assertThatThrownBy(() -> parser.parse("later.fit", fit)).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("the FIT file's session 2 start_time must be in the year 2000 or later and at"
                        + " most 24 hours in the future (got 2024-05-03T05:30:00Z)");
    }

    @Test
    void filesWithinTheRulesAreStillRead() {
        assertThat(parser.parse("run.gpx", SampleFiles.gpx("running", point(47.0, 8.0, 0) + point(47.01, 8.0, 600))))
                .hasSize(1);
        assertThat(parser.parse("run.fit", SampleFiles.fitRun(directory, 7200L)).get(0).durationSeconds()).isEqualTo(1800);
    }
}
