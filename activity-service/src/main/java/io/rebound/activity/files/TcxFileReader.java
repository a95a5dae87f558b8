package io.rebound.activity.files;

import io.rebound.activity.ingest.ActivityTimes;
import io.rebound.activity.ingest.DeviceActivity;
import io.rebound.activity.ingest.Provider;
import io.rebound.activity.ingest.ProviderSports;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a Garmin Training Center (TCX) file's first activity from its laps. Streamed with StAX: track points, the bulk
 * of a TCX file, are skipped rather than held in memory.
 */
final class TcxFileReader {

    private record Lap(OffsetDateTime start, double seconds, double metres, Double averageHeartRate) {
    }

    /** The parts of a Lap as they are read, before each is checked. */
    private static final class LapFields {
        private String start;
        private String seconds;
        private String metres;
        private String heartRate;
    }

    DeviceActivity read(String providerActivityId, byte[] content, ActivityTimes times) {
        XMLStreamReader reader = XmlFiles.open(content, "TCX");
        String sport = null;
        boolean sawActivity = false;
        List<Lap> laps = new ArrayList<>();
        try {
            Deque<String> path = new ArrayDeque<>();
            LapFields lap = null;
            int trackPoints = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = reader.getLocalName();
                    String parent = path.peek();
                    if ("Activity".equals(name) && "Activities".equals(parent)) {
                        sawActivity = true;
                        sport = reader.getAttributeValue(null, "Sport");
                    } else if ("Lap".equals(name) && "Activity".equals(parent)) {
                        lap = new LapFields();
                        lap.start = reader.getAttributeValue(null, "StartTime");
                        // Checked before the lap's track points, so a bad lap start is named as that.
                        startOf(lap, laps.size() + 1, times);
                    } else if (lap != null && "Lap".equals(parent) && "TotalTimeSeconds".equals(name)) {
                        lap.seconds = reader.getElementText();
                        continue;
                    } else if (lap != null && "Lap".equals(parent) && "DistanceMeters".equals(name)) {
                        lap.metres = reader.getElementText();
                        continue;
                    } else if (lap != null && "Trackpoint".equals(parent) && "Time".equals(name)) {
                        trackPoints++;
                        String where = "the TCX file's track point " + trackPoints + " <Time>";
                        ActivityFileParser.checkTime(times, where, XmlFiles.parseTime(reader.getElementText(), where).toInstant());
                        continue;
                    } else if (lap != null && "AverageHeartRateBpm".equals(parent) && "Value".equals(name)
                            && "Lap".equals(path.stream().skip(1).findFirst().orElse(null))) {
                        lap.heartRate = reader.getElementText();
                        continue;
                    }
                    path.push(name);
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = path.pop();
                    if ("Lap".equals(name) && lap != null) {
                        laps.add(check(lap, laps.size() + 1, times));
                        lap = null;
                    } else if ("Activity".equals(name) && sawActivity) {
                        // Only the first activity counts: a multi-activity TCX is an export, not one upload.
                        break;
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw XmlFiles.notWellFormed("TCX", e);
        } finally {
            XmlFiles.close(reader);
        }
        if (!sawActivity) {
            throw new UnreadableFileException("the TCX file has no <Activity>, expected one inside <Activities>");
        }
        if (laps.isEmpty()) {
            throw new UnreadableFileException("the TCX file's activity has no <Lap>, expected at least one lap with a StartTime");
        }
        long seconds = ActivityFileParser.checkDuration("the TCX file's activity",
                laps.stream().mapToDouble(Lap::seconds).sum());
        double metres = laps.stream().mapToDouble(Lap::metres).sum();
        return new DeviceActivity(
                Provider.FILE,
                providerActivityId,
                ProviderSports.map(Provider.FILE, sport),
                laps.get(0).start(),
                seconds,
                metres,
                averageHeartRate(laps));
    }

    private static Lap check(LapFields fields, int number, ActivityTimes times) {
        String where = "the TCX file's lap " + number;
        if (fields.start == null) {
            throw new UnreadableFileException(where + " has no StartTime attribute, expected when the lap began");
        }
        if (fields.seconds == null) {
            throw new UnreadableFileException(where + " has no <TotalTimeSeconds>, expected the lap's duration in seconds");
        }
        OffsetDateTime start = startOf(fields, number, times);
        double seconds = XmlFiles.parseNumber(fields.seconds, where + " <TotalTimeSeconds>");
        // A lap without DistanceMeters measured no distance; that alone is no reason to refuse the file.
        double metres = fields.metres == null ? 0.0 : XmlFiles.parseNumber(fields.metres, where + " <DistanceMeters>");
        Double heartRate = fields.heartRate == null
                ? null
                : XmlFiles.parseNumber(fields.heartRate, where + " <AverageHeartRateBpm><Value>");
        return new Lap(start, seconds, metres, heartRate);
    }

    private static OffsetDateTime startOf(LapFields fields, int number, ActivityTimes times) {
        if (fields.start == null) {
            return null;
        }
        String where = "the TCX file's lap " + number + " StartTime";
        OffsetDateTime start = XmlFiles.parseTime(fields.start, where);
        ActivityFileParser.checkTime(times, where, start.toInstant());
        return start;
    }

    /** Laps' averages weighted by their durations, so a long lap counts for more than a short one. */
    private static Integer averageHeartRate(List<Lap> laps) {
        double weighted = 0;
        double seconds = 0;
        for (Lap lap : laps) {
            if (lap.averageHeartRate() != null && lap.averageHeartRate() > 0) {
                weighted += lap.averageHeartRate() * lap.seconds();
                seconds += lap.seconds();
            }
        }
        return seconds > 0 ? (int) Math.round(weighted / seconds) : null;
    }
}
