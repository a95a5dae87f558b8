package io.rebound.activity.files;

import io.jenetics.jpx.GPX;
import io.jenetics.jpx.Track;
import io.jenetics.jpx.TrackSegment;
import io.jenetics.jpx.WayPoint;
import io.rebound.activity.ingest.ActivityTimes;
import io.rebound.activity.ingest.DeviceActivity;
import io.rebound.activity.ingest.Provider;
import io.rebound.activity.ingest.ProviderSports;
import io.rebound.events.Sport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Reads a GPX 1.1 or 1.0 track with jpx: distance and moving time from the points ({@link MovingTime}), start from
 * the first point's time, the sport from the track's {@code <type>} or, without one, from its pace.
 */
final class GpxFileReader {

    static final String GPX_1_0 = "http://www.topografix.com/GPX/1/0";

    /** Garmin's TrackPointExtension namespaces, where devices and apps put heart rate. */
    private static final Set<String> TRACK_POINT_EXTENSION_NAMESPACES = Set.of(
            "http://www.garmin.com/xmlschemas/TrackPointExtension/v1",
            "http://www.garmin.com/xmlschemas/TrackPointExtension/v2");

    /** An untyped track slower than this (metres per second, 5.4 km/h, 11:07 min/km) is a walk. */
    static final double WALK_BELOW = 1.5;
    /** An untyped track faster than this (metres per second, 18 km/h, 3:20 min/km) is a ride. */
    static final double RIDE_ABOVE = 5.0;
    /** An untyped track with less movement than this is too short to judge by pace, and counts as a run. */
    static final double MIN_JUDGED_METRES = 200;
    static final double MIN_JUDGED_SECONDS = 60;

    /** What one streaming pass learns before jpx reads the file: its GPX version and the offset of its first time. */
    private record Prelude(GPX.Version version, ZoneOffset offset) {
    }

    DeviceActivity read(String providerActivityId, byte[] content, ActivityTimes times) {
        // A DOCTYPE is refused here before jpx sees the content, whatever jpx's own parser settings are.
        Prelude prelude = prelude(content);
        GPX gpx = parse(content, prelude.version());
        List<List<MovingTime.Point>> segments = new ArrayList<>();
        Instant first = null;
        Instant last = null;
        Instant previousTime = null;
        long heartRateSum = 0;
        int heartRateCount = 0;
        int timed = 0;
        for (Track track : gpx.getTracks()) {
            for (TrackSegment segment : track.getSegments()) {
                // Only points within a segment are joined: a gap between segments is a pause or lost signal, not a path.
                List<MovingTime.Point> points = new ArrayList<>();
                for (WayPoint point : segment.getPoints()) {
                    Optional<Instant> time = point.getTime();
                    if (time.isEmpty()) {
                        continue;
                    }
                    timed++;
                    ActivityFileParser.checkTime(times, "the GPX file's track point " + timed + " <time>", time.get());
                    first = first == null ? time.get() : first;
                    last = time.get();
                    if (previousTime != null && time.get().isBefore(previousTime)) {
                        // A point out of order is a glitch of the recording: left out, the track goes on.
                        continue;
                    }
                    previousTime = time.get();
                    points.add(new MovingTime.Point(time.get(), point.getLatitude().toDegrees(), point.getLongitude().toDegrees()));
                    Optional<Integer> heartRate = heartRate(point);
                    if (heartRate.isPresent()) {
                        heartRateSum += heartRate.get();
                        heartRateCount++;
                    }
                }
                segments.add(points);
            }
        }
        if (first == null) {
            throw new UnreadableFileException("the GPX file has no track points with times, expected a recorded track (<trkpt> with <time>)");
        }
        if (last.isBefore(first)) {
            throw new UnreadableFileException("the GPX file's track point times run backwards: the last, " + last
                    + ", is before the first, " + first + "; expected times in recording order");
        }
        int kept = segments.stream().mapToInt(List::size).sum();
        if (kept < 2) {
            throw new UnreadableFileException("the GPX file has only one track point with a time in recording order,"
                    + " expected a recorded track of at least two");
        }
        MovingTime.Totals totals = MovingTime.of(segments);
        long seconds = ActivityFileParser.checkDuration("the GPX file's track", totals.movingSeconds());
        String type = gpx.getTracks().stream().map(Track::getType).flatMap(Optional::stream).findFirst().orElse(null);
        return new DeviceActivity(
                Provider.FILE,
                providerActivityId,
                ProviderSports.gpxType(type).orElseGet(() -> byPace(totals)),
                first.atOffset(prelude.offset()),
                seconds,
                totals.movingMetres(),
                heartRateCount == 0 ? null : (int) Math.round((double) heartRateSum / heartRateCount));
    }

    /**
     * The sport of a track whose type says nothing: a walk when clearly slower than running, a ride when clearly
     * faster, otherwise a run. A run is the safe guess in a return-to-running plan: counted against the run caps
     * rather than escaping them, and the runner can correct it.
     */
    static Sport byPace(MovingTime.Totals totals) {
        if (totals.movingMetres() < MIN_JUDGED_METRES || totals.movingSeconds() < MIN_JUDGED_SECONDS) {
            return Sport.RUN;
        }
        double speed = totals.movingMetres() / totals.movingSeconds();
        if (speed < WALK_BELOW) {
            return Sport.WALK;
        }
        return speed > RIDE_ABOVE ? Sport.RIDE : Sport.RUN;
    }

    private static GPX parse(byte[] content, GPX.Version version) {
        try {
            return GPX.Reader.of(version, GPX.Reader.Mode.STRICT).read(new ByteArrayInputStream(content));
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().trim();
            String name = version == GPX.Version.V10 ? "GPX 1.0" : "GPX 1.1";
            throw new UnreadableFileException("the GPX file cannot be read as " + name + ": " + reason, e);
        }
    }

    private static Optional<Integer> heartRate(WayPoint point) {
        Optional<Document> extensions = point.getExtensions();
        if (extensions.isEmpty()) {
            return Optional.empty();
        }
        for (String namespace : TRACK_POINT_EXTENSION_NAMESPACES) {
            NodeList hr = extensions.get().getElementsByTagNameNS(namespace, "hr");
            if (hr.getLength() > 0) {
                String text = hr.item(0).getTextContent().trim();
                try {
                    int value = Integer.parseInt(text);
                    return value > 0 ? Optional.of(value) : Optional.empty();
                } catch (NumberFormatException e) {
                    throw new UnreadableFileException("the GPX file has a heart rate <hr>" + text
                            + "</hr>, expected whole beats per minute", e);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The GPX version from the root element's namespace (GPSBabel and older tools write 1.0), and the offset the file
     * wrote on its first track point time, which jpx does not keep (it reads times as instants).
     */
    private static Prelude prelude(byte[] content) {
        XMLStreamReader reader = XmlFiles.open(content, "GPX");
        try {
            GPX.Version version = null;
            Deque<String> path = new ArrayDeque<>();
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (version == null) {
                        version = GPX_1_0.equals(reader.getNamespaceURI()) ? GPX.Version.V10 : GPX.Version.V11;
                    }
                    if ("time".equals(reader.getLocalName()) && "trkpt".equals(path.peek())) {
                        ZoneOffset offset = XmlFiles.parseTime(reader.getElementText(), "the GPX file's first track point <time>").getOffset();
                        return new Prelude(version, offset);
                    }
                    path.push(reader.getLocalName());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    path.pop();
                }
            }
            return new Prelude(version == null ? GPX.Version.V11 : version, ZoneOffset.UTC);
        } catch (XMLStreamException e) {
            throw XmlFiles.notWellFormed("GPX", e);
        } finally {
            XmlFiles.close(reader);
        }
    }
}
