package io.rebound.activity.files;

import static io.rebound.activity.files.PublicSampleFiles.bytes;
import static io.rebound.activity.files.PublicSampleFiles.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Offset.offset;

import io.rebound.activity.files.PublicSampleFiles.OracleFile;
import io.rebound.activity.files.PublicSampleFiles.OracleSession;
import io.rebound.activity.ingest.DeviceActivity;
import io.rebound.events.Sport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Real recordings from watches and bike computers of several makers, and exports from Garmin Connect and Strava
 * (see {@link PublicSampleFiles} for where they come from), read as an upload reads them and compared with the
 * totals the files record. Tolerances:
 * <ul>
 *   <li>FIT: what Garmin's JavaScript FIT SDK decodes from the same file, an independent decoder: start to the
 *       second, duration to the second (timer time, else elapsed), distance to 1 cm, heart rate exactly;</li>
 *   <li>TCX: its laps' own totals, summed by a separate DOM reading: 1 s, 10 cm;</li>
 *   <li>GPX, which records no totals: against the FIT file of the same activity (the Garmin Connect export, and
 *       GPSBabel's GPX 1.0 of the FIT): distance within 2%, moving time within 4% of the FIT's timer time (a GPX
 *       has points, not a timer: its pauses are found from them), start within 10 s (GPSBabel starts at the first
 *       point with a position).</li>
 * </ul>
 */
class PublicSampleFilesTest {

    private static final List<String> FIT_FILES = List.of(
            "runs/garmin_export/20171011_run_2088390344.fit",
            "rides/garmin_export/20190811_ride_3939576645.fit",
            "strava-streams-compliance/garmin_export/garmin_828989227.fit",
            "others/20181013_kona_ironman.fit",
            "strava-streams-compliance/COROS_export/OutdoorRun20200314145229.fit",
            "strava-streams-compliance/COROS_export/TrailRun20200215111630.fit",
            "strava-streams-compliance/suunto_export/5e5fde38c2de24635a30d383.fit",
            "strava-streams-compliance/suunto_export/suunto-uphill.fit",
            "virtual_rides/garmin_export/20151130_virtualride_971150603.fit",
            "rides/others_export/2020-01-09_virtualride.fit");

    private final ActivityFileParser parser = new ActivityFileParser();

    private List<DeviceActivity> parse(Path file) {
        return parser.parse(file.getFileName().toString(), bytes(file));
    }

    private DeviceActivity parseOne(Path file) {
        List<DeviceActivity> activities = parse(file);
        assertThat(activities).as(file.getFileName().toString()).hasSize(1);
        return activities.get(0);
    }

    @Test
    void fitFilesOfGarminCorosAndSuuntoDevicesGiveWhatGarminsJavaScriptSdkDecodes() {
        List<Path> files = FIT_FILES.stream().map(PublicSampleFiles::sample).toList();
        Map<Path, OracleFile> oracle = PublicSampleFiles.garminJs(files);

        for (Path file : files) {
            OracleFile decoded = oracle.get(file);
            List<OracleSession> sessions = decoded.sessions().stream().filter(s -> !"transition".equals(s.sport())).toList();
            List<DeviceActivity> legs = parse(file);
            assertThat(legs).as(file + ": one activity per session that is not a transition").hasSize(sessions.size());
            for (int i = 0; i < legs.size(); i++) {
                DeviceActivity leg = legs.get(i);
                OracleSession session = sessions.get(i);
                String what = file.getFileName() + " session " + (i + 1);
                // A session without start_time or durations (a converter's file) falls back to its records' times.
                Instant start = Instant.parse(session.startTime() != null ? session.startTime() : decoded.firstRecord());
                double seconds = session.totalTimerTime() != null ? session.totalTimerTime()
                        : session.totalElapsedTime() != null ? session.totalElapsedTime()
                        : Duration.between(start, Instant.parse(decoded.lastRecord())).toSeconds();
                assertThat(leg.startTime().toInstant()).as(what + " start").isEqualTo(start);
                assertThat((double) leg.durationSeconds()).as(what + " duration").isCloseTo(seconds, within(1.0));
                assertThat(leg.distanceMetres()).as(what + " distance").isCloseTo(session.totalDistance(), within(0.01));
                assertThat(leg.averageHeartRate()).as(what + " heart rate").isEqualTo(session.avgHeartRate());
            }
        }
    }

    @Test
    void fitSportAndSubSportDecideTheSport() {
        assertThat(parseOne(sample("runs/garmin_export/20171011_run_2088390344.fit")).sport()).isEqualTo(Sport.RUN);
        assertThat(parseOne(sample("strava-streams-compliance/COROS_export/TrailRun20200215111630.fit")).sport())
                .as("COROS writes no sub_sport: a run").isEqualTo(Sport.RUN);
        assertThat(parseOne(sample("strava-streams-compliance/suunto_export/suunto-uphill.fit")).sport())
                .as("Suunto's running/trail").isEqualTo(Sport.TRAIL_RUN);
        assertThat(parseOne(sample("rides/garmin_export/20190811_ride_3939576645.fit")).sport())
                .as("Garmin Edge's cycling/road").isEqualTo(Sport.RIDE);
        assertThat(parseOne(sample("rides/others_export/2020-01-09_virtualride.fit")).sport())
                .as("cycling/virtual_activity").isEqualTo(Sport.RIDE);
    }

    @Test
    void ironmanFitIsStoredAsItsSwimRideAndRunLegsWithoutTransitions() {
        List<DeviceActivity> legs = parse(sample("others/20181013_kona_ironman.fit"));

        assertThat(legs).extracting(DeviceActivity::sport).containsExactly(Sport.SWIM, Sport.RIDE, Sport.RUN);
        assertThat(legs.get(0).providerActivityId()).matches("sha256:[0-9a-f]{64}");
        assertThat(legs.get(1).providerActivityId()).isEqualTo(legs.get(0).providerActivityId() + "#leg2");
        assertThat(legs.get(2).providerActivityId()).isEqualTo(legs.get(0).providerActivityId() + "#leg3");
        // The marathon of the day: a run leg of 42.56 km, on Hawaii's clock as the watch recorded it.
        assertThat(legs.get(2).distanceMetres()).isCloseTo(42_563.91, offset(0.01));
        assertThat(legs.get(2).startTime().getOffset()).isEqualTo(ZoneOffset.ofHours(-10));
        assertThat(legs).extracting(leg -> leg.startTime().toInstant()).isSorted();
    }

    @Test
    void realFitWithADamagedBodyIsRefusedAsCorrupt() {
        assertThatThrownBy(() -> parse(sample("others/broken.fit")))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("the FIT file is corrupt: ");
    }

    @Test
    void gpx10AsGpsBabelWritesItIsReadAndMatchesTheWatchesOwnTotals(@TempDir Path directory) {
        Map<String, Sport> bySport = Map.of(
                "runs/garmin_export/20171011_run_2088390344.fit", Sport.RUN,
                "strava-streams-compliance/COROS_export/OutdoorRun20200314145229.fit", Sport.RUN,
                "strava-streams-compliance/COROS_export/TrailRun20200215111630.fit", Sport.RUN,
                "strava-streams-compliance/suunto_export/5e5fde38c2de24635a30d383.fit", Sport.RUN,
                // A steep climb at 0.9 m/s: with no type in the file its pace says walk, as docs/devices.md tells.
                "strava-streams-compliance/suunto_export/suunto-uphill.fit", Sport.WALK,
                "rides/garmin_export/20190811_ride_3939576645.fit", Sport.RIDE,
                "strava-streams-compliance/garmin_export/garmin_828989227.fit", Sport.RIDE);
        List<String> names = bySport.keySet().stream().sorted().toList();
        Map<Path, OracleFile> oracle = PublicSampleFiles.garminJs(names.stream().map(PublicSampleFiles::sample).toList());

        for (String name : names) {
            Path fit = sample(name);
            byte[] gpx = PublicSampleFiles.gpx10ByGpsBabel(fit, directory);
            assertThat(new String(gpx, 0, 300, java.nio.charset.StandardCharsets.UTF_8))
                    .contains("xmlns=\"http://www.topografix.com/GPX/1/0\"");
            List<DeviceActivity> read = parser.parse(fit.getFileName() + ".gpx", gpx);
            assertThat(read).hasSize(1);
            DeviceActivity activity = read.get(0);
            OracleSession session = oracle.get(fit).sessions().get(0);
            String what = fit.getFileName() + " as GPX 1.0";

            assertThat(activity.sport()).as(what + " sport by pace").isEqualTo(bySport.get(name));
            assertThat(Duration.between(Instant.parse(session.startTime()), activity.startTime().toInstant()).abs())
                    .as(what + " start").isLessThanOrEqualTo(Duration.ofSeconds(10));
            assertThat(activity.distanceMetres()).as(what + " distance")
                    .isCloseTo(session.totalDistance(), within(0.02 * session.totalDistance()));
            assertThat((double) activity.durationSeconds()).as(what + " moving time")
                    .isCloseTo(session.totalTimerTime(), within(0.04 * session.totalTimerTime()));
        }
    }

    @Test
    void gpxWithPausesCountsMovingTimeLikeTheWatchTimer() {
        // One ride, three files: the Edge 810's FIT, and Garmin Connect's GPX 1.1 and TCX exports of it. The ride
        // stood still for 39 minutes in all (22,028 s elapsed, 19,664 s on the timer).
        OracleSession fit = PublicSampleFiles.garminJs(List.of(sample("strava-streams-compliance/garmin_export/garmin_828989227.fit")))
                .values().iterator().next().sessions().get(0);
        DeviceActivity gpx = parseOne(sample("strava-streams-compliance/garmin_export/garmin_828989227.gpx"));

        assertThat(fit.totalElapsedTime() - fit.totalTimerTime()).isGreaterThan(2000.0);
        assertThat((double) gpx.durationSeconds()).isCloseTo(fit.totalTimerTime(), within(0.01 * fit.totalTimerTime()));
        assertThat(gpx.distanceMetres()).isCloseTo(fit.totalDistance(), within(0.01 * fit.totalDistance()));
        assertThat(gpx.startTime().toInstant()).isEqualTo(Instant.parse(fit.startTime()));
        assertThat(gpx.sport()).isEqualTo(Sport.RIDE);
    }

    @Test
    void tcxExportsOfGarminConnectAndStravaGiveTheirLapsTotals() throws Exception {
        List<String> files = List.of(
                "runs/garmin_export/20181021_run_3106033902.tcx",
                "runs/strava_export/20160911_run_708752345.tcx",
                "rides/garmin_export/20190815_ride_3953195468.tcx",
                "rides/strava_export/20190622_ride_1655245835.tcx",
                "virtual_rides/garmin_export/20160126_virtualride_1023441137.tcx",
                "virtual_rides/strava_export/20160223_virtualride_500553714.tcx",
                "strava-streams-compliance/garmin_export/garmin_828989227.tcx");
        var xpath = XPathFactory.newInstance().newXPath();
        var factory = DocumentBuilderFactory.newInstance();
        for (String name : files) {
            Path file = sample(name);
            Document document = factory.newDocumentBuilder().parse(file.toFile());
            NodeList laps = (NodeList) xpath.evaluate("/*[local-name()='TrainingCenterDatabase']/*[local-name()='Activities']"
                    + "/*[local-name()='Activity'][1]/*[local-name()='Lap']", document, XPathConstants.NODESET);
            double seconds = 0;
            double metres = 0;
            for (int i = 0; i < laps.getLength(); i++) {
                seconds += (Double) xpath.evaluate("number(*[local-name()='TotalTimeSeconds'])", laps.item(i), XPathConstants.NUMBER);
                metres += (Double) xpath.evaluate("number(*[local-name()='DistanceMeters'])", laps.item(i), XPathConstants.NUMBER);
            }
            String start = xpath.evaluate("@StartTime", laps.item(0));

            DeviceActivity activity = parseOne(file);

            assertThat(laps.getLength()).as(name + " laps").isPositive();
            assertThat((double) activity.durationSeconds()).as(name + " duration").isCloseTo(seconds, within(1.0));
            assertThat(activity.distanceMetres()).as(name + " distance").isCloseTo(metres, within(0.1));
            assertThat(activity.startTime().toInstant()).as(name + " start").isEqualTo(Instant.parse(start));
        }
        assertThat(parseOne(sample("runs/strava_export/20160911_run_708752345.tcx")).sport()).isEqualTo(Sport.RUN);
        assertThat(parseOne(sample("rides/strava_export/20190622_ride_1655245835.tcx")).sport()).isEqualTo(Sport.RIDE);
    }

    @Test
    void gpxTypesOfStravaAndGarminConnectExportsAreMapped() {
        assertThat(parseOne(sample("runs/strava_export/20170319_run_906581465.gpx")).sport()).as("Strava's <type>9</type>")
                .isEqualTo(Sport.RUN);
        assertThat(parseOne(sample("rides/strava_export/20190721_ride_2551623996.gpx")).sport()).as("Strava's <type>1</type>")
                .isEqualTo(Sport.RIDE);
        assertThat(parseOne(sample("virtual_rides/strava_export/20160422_virtualride_553573871.gpx")).sport())
                .as("Strava's <type>17</type>, a virtual ride").isEqualTo(Sport.RIDE);
        assertThat(parseOne(sample("runs/garmin_export/20171008_run_2067489619.gpx")).sport()).as("Garmin's running")
                .isEqualTo(Sport.RUN);
        assertThat(parseOne(sample("rides/garmin_export/20190929_ride_4108490848.gpx")).sport()).as("Garmin's road_biking")
                .isEqualTo(Sport.RIDE);
    }
}
