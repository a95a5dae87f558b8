package io.rebound.activity.files;

import com.garmin.fit.ActivityMesg;
import com.garmin.fit.ActivityMesgListener;
import com.garmin.fit.DateTime;
import com.garmin.fit.Decode;
import com.garmin.fit.FitRuntimeException;
import com.garmin.fit.MesgBroadcaster;
import com.garmin.fit.SessionMesg;
import com.garmin.fit.SessionMesgListener;
import io.rebound.activity.ingest.DeviceActivity;
import io.rebound.activity.ingest.Provider;
import io.rebound.activity.ingest.ProviderSports;
import io.rebound.events.Sport;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads a FIT activity file's session summary with the Garmin FIT SDK. */
final class FitFileReader {

    /** The FIT signature ".FIT" at byte 8 of the file header. */
    private static final byte[] SIGNATURE = {'.', 'F', 'I', 'T'};
    private static final int SIGNATURE_OFFSET = 8;
    /** Real offsets are whole quarter hours; rounding absorbs a device clock's odd second. */
    private static final int OFFSET_STEP_SECONDS = 15 * 60;
    private static final int MAX_OFFSET_SECONDS = 18 * 3600;

    static boolean hasSignature(byte[] content) {
        if (content.length < SIGNATURE_OFFSET + SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (content[SIGNATURE_OFFSET + i] != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    DeviceActivity read(String providerActivityId, byte[] content) {
        checkIntegrity(content);
        List<SessionMesg> sessions = new ArrayList<>();
        List<ActivityMesg> activities = new ArrayList<>();
        Decode decode = new Decode();
        MesgBroadcaster broadcaster = new MesgBroadcaster(decode);
        broadcaster.addListener((SessionMesgListener) sessions::add);
        broadcaster.addListener((ActivityMesgListener) activities::add);
        try {
            decode.read(new ByteArrayInputStream(content), broadcaster);
        } catch (FitRuntimeException e) {
            throw corrupt(e.getMessage(), e);
        }
        if (sessions.isEmpty()) {
            throw new UnreadableFileException("the FIT file has no session message, expected an activity file with a session summary");
        }
        // A multisport file has one session per leg; the first leg stands for the upload.
        SessionMesg session = sessions.get(0);
        DateTime start = session.getStartTime();
        if (start == null) {
            throw new UnreadableFileException("the FIT file's session has no start_time, expected the time the activity began");
        }
        Float seconds = session.getTotalTimerTime() != null ? session.getTotalTimerTime() : session.getTotalElapsedTime();
        if (seconds == null || seconds < 0) {
            throw new UnreadableFileException(
                    "the FIT file's session has no total_timer_time or total_elapsed_time, expected the activity's duration in seconds");
        }
        Float distance = session.getTotalDistance();
        Short heartRate = session.getAvgHeartRate();
        Sport sport = session.getSport() == null
                ? Sport.OTHER
                : ProviderSports.map(Provider.FILE, session.getSport().name().toLowerCase(Locale.ROOT));
        Instant startInstant = start.getDate().toInstant();
        return new DeviceActivity(
                Provider.FILE,
                providerActivityId,
                sport,
                startInstant.atOffset(offset(activities)),
                Math.round(seconds),
                distance == null || distance < 0 ? 0.0 : distance.doubleValue(),
                heartRate == null ? null : heartRate.intValue());
    }

    private static void checkIntegrity(byte[] content) {
        boolean intact;
        try {
            intact = new Decode().checkFileIntegrity(new ByteArrayInputStream(content));
        } catch (FitRuntimeException e) {
            throw corrupt(e.getMessage(), e);
        }
        if (!intact) {
            throw corrupt("its header or CRC does not match its content (truncated or altered), expected an intact FIT file", null);
        }
    }

    /** FIT times are UTC; the activity message's local_timestamp minus its timestamp is the device's offset. */
    private static ZoneOffset offset(List<ActivityMesg> activities) {
        for (ActivityMesg activity : activities) {
            if (activity.getLocalTimestamp() != null && activity.getTimestamp() != null) {
                long difference = activity.getLocalTimestamp() - activity.getTimestamp().getTimestamp();
                long rounded = Math.round((double) difference / OFFSET_STEP_SECONDS) * OFFSET_STEP_SECONDS;
                if (Math.abs(rounded) <= MAX_OFFSET_SECONDS) {
                    return ZoneOffset.ofTotalSeconds((int) rounded);
                }
            }
        }
        return ZoneOffset.UTC;
    }

    private static UnreadableFileException corrupt(String reason, Throwable cause) {
        String text = reason == null || reason.isBlank() ? "the FIT SDK could not decode it" : reason.trim();
        return new UnreadableFileException("the FIT file is corrupt: " + text, cause);
    }
}
