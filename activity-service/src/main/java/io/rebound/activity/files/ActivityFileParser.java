package io.rebound.activity.files;

import io.rebound.activity.ingest.ActivityTimes;
import io.rebound.activity.ingest.DeviceActivity;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns an uploaded FIT, GPX or TCX file into {@link DeviceActivity}s from {@link io.rebound.activity.ingest.Provider#FILE}:
 * one, or one per leg of a multisport FIT file.
 * The content decides the format; the file name only sharpens the message when the content is unrecognisable.
 * Plain Java and thread-safe, so one instance can serve every upload.
 */
public final class ActivityFileParser {

    /** The largest file accepted; a long run's FIT file is well under 1 MiB, a second-by-second GPX a few MiB. */
    public static final int MAX_BYTES = 25 * 1024 * 1024;

    private static final String ID_PREFIX = "sha256:";
    private static final String EXPECTED = "expected a FIT, GPX or TCX file";

    private final FitFileReader fit = new FitFileReader();
    private final GpxFileReader gpx = new GpxFileReader();
    private final TcxFileReader tcx = new TcxFileReader();
    private final ActivityTimes times;

    public ActivityFileParser() {
        this(ActivityTimes.system());
    }

    /** @param times the bound on the file's times (its start and every point's), with the clock it reads "now" from */
    public ActivityFileParser(ActivityTimes times) {
        this.times = times;
    }

    /**
     * @param fileName the name the file was uploaded under, or null; a hint only
     * @param content  the file's bytes
     * @return the file's activities in the file's order: one, or one per leg of a multisport FIT file; never empty
     * @throws UnreadableFileException when the content is too large, not one of the formats, not a readable activity,
     *                                  has a time outside {@link ActivityTimes}' bounds, or no duration (a GPX file
     *                                  also when it has fewer than two timed points)
     */
    public List<DeviceActivity> parse(String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw new UnreadableFileException("the file is empty, " + EXPECTED);
        }
        if (content.length > MAX_BYTES) {
            throw new UnreadableFileException(String.format(Locale.ROOT, "the file is %.1f MiB, larger than the %d MiB limit for activity files",
                    content.length / (1024.0 * 1024.0), MAX_BYTES / (1024 * 1024)));
        }
        // The content hash is the activity's id, so uploading the same file twice stores one activity.
        String id = ID_PREFIX + sha256Hex(content);
        FileFormat format = detect(fileName, content);
        return switch (format) {
            case FIT -> fit.read(id, content, times);
            case GPX -> List.of(gpx.read(id, content, times));
            case TCX -> List.of(tcx.read(id, content, times));
        };
    }

    /** Refuses the file when {@code time}, which {@code what} names, is outside the bounds. */
    static void checkTime(ActivityTimes times, String what, Instant time) {
        times.problem(time).ifPresent(problem -> {
            throw new UnreadableFileException(what + " " + problem);
        });
    }

    /** Refuses an activity that rounds to no time at all: a file with one moment in it is no training. */
    static long checkDuration(String what, double seconds) {
        long rounded = Math.round(seconds);
        if (rounded < 1) {
            throw new UnreadableFileException(what + " has no duration (" + rounded + " s), expected a recording of at"
                    + " least one second");
        }
        return rounded;
    }

    private static FileFormat detect(String fileName, byte[] content) {
        if (FitFileReader.hasSignature(content)) {
            return FileFormat.FIT;
        }
        Optional<FileFormat> hint = FileFormat.fromFileName(fileName);
        Optional<String> root = XmlFiles.rootElement(content, hint.filter(format -> format != FileFormat.FIT).map(Enum::name).orElse("XML"));
        if (root.isPresent()) {
            return switch (root.get()) {
                case "gpx" -> FileFormat.GPX;
                case "TrainingCenterDatabase" -> FileFormat.TCX;
                default -> throw new UnreadableFileException("the file is XML with root element <" + root.get()
                        + "> but not a FIT, GPX or TCX file, expected root <gpx> (GPX) or <TrainingCenterDatabase> (TCX)");
            };
        }
        String named = hint.map(format -> " although it is named ." + format.name().toLowerCase(Locale.ROOT)).orElse("");
        throw new UnreadableFileException("the file is not a FIT, GPX or TCX file" + named
                + ": it has neither the FIT signature '.FIT' at byte 8 nor an XML root element <gpx> or <TrainingCenterDatabase>");
    }

    private static String sha256Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
