package io.rebound.activity.files;

import io.jenetics.jpx.GPX;
import io.jenetics.jpx.Track;
import io.jenetics.jpx.TrackSegment;
import io.jenetics.jpx.WayPoint;
import io.rebound.activity.ingest.DeviceActivity;
import io.rebound.activity.ingest.Provider;
import io.rebound.activity.ingest.ProviderSports;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Reads a GPX track with jpx: distance from the points, duration and start from their times. */
final class GpxFileReader {

    /** Garmin's TrackPointExtension namespaces, where devices and apps put heart rate. */
    private static final Set<String> TRACK_POINT_EXTENSION_NAMESPACES = Set.of(
            "http://www.garmin.com/xmlschemas/TrackPointExtension/v1",
            "http://www.garmin.com/xmlschemas/TrackPointExtension/v2");

    DeviceActivity read(String providerActivityId, byte[] content) {
        // A DOCTYPE is refused here before jpx sees the content, whatever jpx's own parser settings are.
        ZoneOffset offset = firstTimeOffset(content);
        GPX gpx = parse(content);
        double distance = 0;
        Instant first = null;
        Instant last = null;
        long heartRateSum = 0;
        int heartRateCount = 0;
        for (Track track : gpx.getTracks()) {
            for (TrackSegment segment : track.getSegments()) {
                WayPoint previous = null;
                // Only points within a segment are joined: a gap between segments is a pause or lost signal, not a path.
                for (WayPoint point : segment.getPoints()) {
                    if (previous != null) {
                        distance += GreatCircle.metres(
                                previous.getLatitude().toDegrees(), previous.getLongitude().toDegrees(),
                                point.getLatitude().toDegrees(), point.getLongitude().toDegrees());
                    }
                    previous = point;
                    Optional<Instant> time = point.getTime();
                    if (time.isPresent()) {
                        first = first == null ? time.get() : first;
                        last = time.get();
                    }
                    Optional<Integer> heartRate = heartRate(point);
                    if (heartRate.isPresent()) {
                        heartRateSum += heartRate.get();
                        heartRateCount++;
                    }
                }
            }
        }
        if (first == null) {
            throw new UnreadableFileException("the GPX file has no track points with times, expected a recorded track (<trkpt> with <time>)");
        }
        if (last.isBefore(first)) {
            throw new UnreadableFileException("the GPX file's track point times run backwards: the last, " + last
                    + ", is before the first, " + first + "; expected times in recording order");
        }
        String type = gpx.getTracks().stream().map(Track::getType).flatMap(Optional::stream).findFirst().orElse(null);
        return new DeviceActivity(
                Provider.FILE,
                providerActivityId,
                ProviderSports.map(Provider.FILE, type),
                first.atOffset(offset),
                Duration.between(first, last).toSeconds(),
                distance,
                heartRateCount == 0 ? null : (int) Math.round((double) heartRateSum / heartRateCount));
    }

    private static GPX parse(byte[] content) {
        try {
            return GPX.Reader.DEFAULT.read(new ByteArrayInputStream(content));
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().trim();
            throw new UnreadableFileException("the GPX file cannot be read as GPX 1.1: " + reason, e);
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

    /** jpx keeps times as instants, so the offset the file wrote on its first track point time is read here. */
    private static ZoneOffset firstTimeOffset(byte[] content) {
        XMLStreamReader reader = XmlFiles.open(content, "GPX");
        try {
            Deque<String> path = new ArrayDeque<>();
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if ("time".equals(reader.getLocalName()) && "trkpt".equals(path.peek())) {
                        return XmlFiles.parseTime(reader.getElementText(), "the GPX file's first track point <time>").getOffset();
                    }
                    path.push(reader.getLocalName());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    path.pop();
                }
            }
            return ZoneOffset.UTC;
        } catch (XMLStreamException e) {
            throw XmlFiles.notWellFormed("GPX", e);
        } finally {
            XmlFiles.close(reader);
        }
    }
}
