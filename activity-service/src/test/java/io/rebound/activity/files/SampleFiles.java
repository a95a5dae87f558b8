package io.rebound.activity.files;

import com.garmin.fit.Activity;
import com.garmin.fit.ActivityMesg;
import com.garmin.fit.DateTime;
import com.garmin.fit.Event;
import com.garmin.fit.EventType;
import com.garmin.fit.FileEncoder;
import com.garmin.fit.FileIdMesg;
import com.garmin.fit.Manufacturer;
import com.garmin.fit.SessionMesg;
import com.garmin.fit.Sport;
import com.garmin.fit.SubSport;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;

/** Real activity files for the tests: FIT written with the Garmin SDK's encoder, GPX and TCX as text. */
final class SampleFiles {

    static final Instant START = Instant.parse("2024-05-01T05:30:00Z");

    private SampleFiles() {
    }

    /** A 30-minute, 5 km run at 142 bpm; {@code localOffsetSeconds} null leaves out the activity's local_timestamp. */
    static byte[] fitRun(Path directory, Long localOffsetSeconds) {
        return fit(directory.resolve("run-" + localOffsetSeconds + ".fit"), localOffsetSeconds,
                new FitSession(Sport.RUNNING, null, 0, 1800, 5000, (short) 142));
    }

    /** One session of a FIT file: its sport and sub-sport, when it starts (seconds after {@link #START}) and its totals. */
    record FitSession(Sport sport, SubSport subSport, long startSeconds, float seconds, float metres, Short heartRate) {
    }

    /** A FIT activity file with these sessions, in this order (several make a multisport file). */
    static byte[] fit(Path path, Long localOffsetSeconds, FitSession... sessions) {
        File file = path.toFile();
        DateTime start = new DateTime(Date.from(START));
        FitSession lastSession = sessions[sessions.length - 1];
        DateTime end = new DateTime(Date.from(START.plusSeconds(lastSession.startSeconds() + (long) lastSession.seconds())));

        FileIdMesg fileId = new FileIdMesg();
        fileId.setType(com.garmin.fit.File.ACTIVITY);
        fileId.setManufacturer(Manufacturer.DEVELOPMENT);
        fileId.setProduct(1);
        fileId.setSerialNumber(12345L);
        fileId.setTimeCreated(start);

        FileEncoder encoder = new FileEncoder(file);
        encoder.write(fileId);
        for (FitSession leg : sessions) {
            Instant legStart = START.plusSeconds(leg.startSeconds());
            SessionMesg session = new SessionMesg();
            session.setTimestamp(new DateTime(Date.from(legStart.plusSeconds((long) leg.seconds()))));
            session.setStartTime(new DateTime(Date.from(legStart)));
            session.setEvent(Event.SESSION);
            session.setEventType(EventType.STOP);
            session.setSport(leg.sport());
            if (leg.subSport() != null) {
                session.setSubSport(leg.subSport());
            }
            session.setTotalTimerTime(leg.seconds());
            session.setTotalElapsedTime(leg.seconds());
            session.setTotalDistance(leg.metres());
            if (leg.heartRate() != null) {
                session.setAvgHeartRate(leg.heartRate());
            }
            session.setFirstLapIndex(0);
            session.setNumLaps(1);
            encoder.write(session);
        }

        ActivityMesg activity = new ActivityMesg();
        activity.setTimestamp(end);
        activity.setTotalTimerTime(lastSession.startSeconds() + lastSession.seconds());
        activity.setNumSessions(sessions.length);
        activity.setType(Activity.MANUAL);
        activity.setEvent(Event.ACTIVITY);
        activity.setEventType(EventType.STOP);
        if (localOffsetSeconds != null) {
            activity.setLocalTimestamp(end.getTimestamp() + localOffsetSeconds);
        }
        encoder.write(activity);
        encoder.close();
        try {
            return Files.readAllBytes(file.toPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GPX track point at a latitude on the 8°E meridian, {@code seconds} after 07:30 local time at +02:00. */
    static String trackPoint(double latitude, int seconds, Integer heartRate) {
        String time = String.format("2024-05-01T07:%02d:%02d+02:00", 30 + seconds / 60, seconds % 60);
        String extensions = heartRate == null ? "" : """
                <extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>%d</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions>"""
                .formatted(heartRate);
        return "<trkpt lat=\"%s\" lon=\"8.0\"><ele>410.0</ele><time>%s</time>%s</trkpt>\n"
                .formatted(latitude, time, extensions);
    }

    /** A GPX 1.0 file as GPSBabel writes one: namespace 1/0, no type, speed on each point. */
    static byte[] gpx10(String... points) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <gpx version="1.0" creator="GPSBabel - https://www.gpsbabel.org" xmlns="http://www.topografix.com/GPX/1/0">
                  <time>2024-05-02T10:00:00.000Z</time>
                  <trk>
                    <trkseg>
                %s    </trkseg>
                  </trk>
                </gpx>
                """.formatted(String.join("", points)).getBytes(StandardCharsets.UTF_8);
    }

    /** A GPX 1.0 track point at a latitude on the 8°E meridian, {@code seconds} after 05:30 UTC. */
    static String gpx10Point(double latitude, long seconds) {
        return "      <trkpt lat=\"%s\" lon=\"8.000000000\">\n        <ele>410.000</ele>\n        <time>%s</time>\n        <speed>2.900000</speed>\n      </trkpt>\n"
                .formatted(latitude, START.plusSeconds(seconds));
    }

    /** A GPX 1.1 track point at a position, {@code seconds} after 05:30 UTC: for tracks longer than {@link #trackPoint} allows. */
    static String point(double latitude, double longitude, long seconds) {
        return "<trkpt lat=\"%s\" lon=\"%s\"><time>%s</time></trkpt>\n".formatted(latitude, longitude, START.plusSeconds(seconds));
    }

    /** A GPX 1.1 file with one track; {@code type} null leaves out the track's type. */
    static byte[] gpx(String type, String... segments) {
        StringBuilder body = new StringBuilder();
        for (String segment : segments) {
            body.append("<trkseg>\n").append(segment).append("</trkseg>\n");
        }
        String typeElement = type == null ? "" : "<type>" + type + "</type>";
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <gpx version="1.1" creator="Rebound tests" xmlns="http://www.topografix.com/GPX/1/1"
                     xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
                  <trk><name>Morning run</name>%s
                %s  </trk>
                </gpx>
                """.formatted(typeElement, body).getBytes(StandardCharsets.UTF_8);
    }

    /** A TCX lap with one track point whose distance and heart rate must not be mistaken for the lap's. */
    static String tcxLap(String startTime, int seconds, int metres, Integer averageHeartRate) {
        String heartRate = averageHeartRate == null
                ? ""
                : "<AverageHeartRateBpm><Value>" + averageHeartRate + "</Value></AverageHeartRateBpm>";
        return """
                <Lap StartTime="%s">
                  <TotalTimeSeconds>%d</TotalTimeSeconds>
                  <DistanceMeters>%d</DistanceMeters>
                  <Calories>100</Calories>
                  %s
                  <Intensity>Active</Intensity>
                  <TriggerMethod>Manual</TriggerMethod>
                  <Track><Trackpoint><Time>%s</Time><DistanceMeters>99999</DistanceMeters>
                    <HeartRateBpm><Value>200</Value></HeartRateBpm></Trackpoint></Track>
                </Lap>
                """.formatted(startTime, seconds, metres, heartRate, startTime);
    }

    static byte[] tcx(String sport, String... laps) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
                  <Activities>
                    <Activity Sport="%s">
                      <Id>2024-05-01T05:30:00Z</Id>
                      %s
                    </Activity>
                  </Activities>
                </TrainingCenterDatabase>
                """.formatted(sport, String.join("\n", laps)).getBytes(StandardCharsets.UTF_8);
    }
}
