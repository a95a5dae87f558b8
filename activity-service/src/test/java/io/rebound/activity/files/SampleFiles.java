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
        File file = directory.resolve("run-" + localOffsetSeconds + ".fit").toFile();
        DateTime start = new DateTime(Date.from(START));
        DateTime end = new DateTime(Date.from(START.plusSeconds(1800)));

        FileIdMesg fileId = new FileIdMesg();
        fileId.setType(com.garmin.fit.File.ACTIVITY);
        fileId.setManufacturer(Manufacturer.DEVELOPMENT);
        fileId.setProduct(1);
        fileId.setSerialNumber(12345L);
        fileId.setTimeCreated(start);

        SessionMesg session = new SessionMesg();
        session.setTimestamp(end);
        session.setStartTime(start);
        session.setEvent(Event.SESSION);
        session.setEventType(EventType.STOP);
        session.setSport(Sport.RUNNING);
        session.setTotalTimerTime(1800f);
        session.setTotalElapsedTime(1800f);
        session.setTotalDistance(5000f);
        session.setAvgHeartRate((short) 142);
        session.setFirstLapIndex(0);
        session.setNumLaps(1);

        ActivityMesg activity = new ActivityMesg();
        activity.setTimestamp(end);
        activity.setTotalTimerTime(1800f);
        activity.setNumSessions(1);
        activity.setType(Activity.MANUAL);
        activity.setEvent(Event.ACTIVITY);
        activity.setEventType(EventType.STOP);
        if (localOffsetSeconds != null) {
            activity.setLocalTimestamp(end.getTimestamp() + localOffsetSeconds);
        }

        FileEncoder encoder = new FileEncoder(file);
        encoder.write(fileId);
        encoder.write(session);
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
