package io.rebound.activity.files;

import com.garmin.fit.ActivityMesg;
import com.garmin.fit.ActivityMesgListener;
import com.garmin.fit.DateTime;
import com.garmin.fit.Decode;
import com.garmin.fit.FitRuntimeException;
import com.garmin.fit.MesgBroadcaster;
import com.garmin.fit.RecordMesgListener;
import com.garmin.fit.SessionMesg;
import com.garmin.fit.SessionMesgListener;
import com.garmin.fit.Sport;
import io.rebound.activity.ingest.ActivityTimes;
import io.rebound.activity.ingest.DeviceActivity;
import io.rebound.activity.ingest.Provider;
import io.rebound.activity.ingest.ProviderSports;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Reads a FIT activity file's session summaries with the Garmin FIT SDK. */
final class FitFileReader {

    /** The FIT signature ".FIT" at byte 8 of the file header. */
    private static final byte[] SIGNATURE = {'.', 'F', 'I', 'T'};
    private static final int SIGNATURE_OFFSET = 8;
    /** Real offsets are whole quarter hours; rounding absorbs a device clock's odd second. */
    private static final int OFFSET_STEP_SECONDS = 15 * 60;
    private static final int MAX_OFFSET_SECONDS = 18 * 3600;
    /** Between a multisport file's id and a later leg's number. */
    static final String LEG_SEPARATOR = "#leg";

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

    /**
     * One activity per session: a multisport file (triathlon, run-bike-run) gives one per leg, in the file's order,
     * so a run leg counts as a run. Transition sessions are left out: they are the time between legs, not training.
     * The first leg keeps the file's id, so a file stored before legs were read is still recognised; a later leg's id
     * is the file's followed by {@code #leg} and its number among the stored legs.
     */
    List<DeviceActivity> read(String fileId, byte[] content, ActivityTimes times) {
        checkIntegrity(content);
        List<SessionMesg> sessions = new ArrayList<>();
        List<ActivityMesg> activities = new ArrayList<>();
        Decode decode = new Decode();
        MesgBroadcaster broadcaster = new MesgBroadcaster(decode);
        broadcaster.addListener((SessionMesgListener) sessions::add);
        broadcaster.addListener((ActivityMesgListener) activities::add);
        List<Long> recordTimes = new ArrayList<>();
        broadcaster.addListener((RecordMesgListener) record -> {
            if (record.getTimestamp() != null) {
                recordTimes.add(record.getTimestamp().getTimestamp());
            }
        });
        try {
            decode.read(new ByteArrayInputStream(content), broadcaster);
        } catch (FitRuntimeException e) {
            throw corrupt(e.getMessage(), e);
        }
        for (int i = 0; i < recordTimes.size(); i++) {
            ActivityFileParser.checkTime(times, "the FIT file's record " + (i + 1) + " timestamp", instant(recordTimes.get(i)));
        }
        if (sessions.isEmpty()) {
            throw new UnreadableFileException("the FIT file has no session message, expected an activity file with a session summary");
        }
        ZoneOffset offset = offset(activities);
        List<DeviceActivity> legs = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            SessionMesg session = sessions.get(i);
            if (isTransition(session)) {
                continue;
            }
            String where = sessions.size() == 1 ? "the FIT file's session" : "the FIT file's session " + (i + 1);
            String id = legs.isEmpty() ? fileId : fileId + LEG_SEPARATOR + (legs.size() + 1);
            legs.add(leg(id, session, recordTimes, offset, where, times));
        }
        if (legs.isEmpty()) {
            throw new UnreadableFileException("the FIT file has only transition sessions, expected at least one session of a sport");
        }
        return legs;
    }

    private static DeviceActivity leg(String id, SessionMesg session, List<Long> recordTimes, ZoneOffset offset, String where,
            ActivityTimes times) {
        // Some converters write a session with totals but no times; its records' times then tell when it ran.
        Long from = session.getStartTime() != null ? session.getStartTime().getTimestamp() : null;
        Long to = session.getTimestamp() != null ? session.getTimestamp().getTimestamp() : null;
        Float timer = session.getTotalTimerTime() != null ? session.getTotalTimerTime() : session.getTotalElapsedTime();
        List<Long> records = from != null && timer != null ? List.of()
                : recordTimes.stream().filter(t -> (from == null || t >= from) && (to == null || t <= to)).sorted().toList();
        Long start = from != null ? from : records.isEmpty() ? null : records.get(0);
        if (start == null) {
            throw new UnreadableFileException(where + " has no start_time, expected the time the activity began");
        }
        ActivityFileParser.checkTime(times, where + " start_time", instant(start));
        if (to != null) {
            ActivityFileParser.checkTime(times, where + " timestamp", instant(to));
        }
        Double seconds = timer != null ? Double.valueOf(timer)
                : records.size() < 2 ? null : (double) (records.get(records.size() - 1) - records.get(0));
        if (seconds == null || seconds < 0) {
            throw new UnreadableFileException(
                    where + " has no total_timer_time or total_elapsed_time, expected the activity's duration in seconds");
        }
        Float distance = session.getTotalDistance();
        Short heartRate = session.getAvgHeartRate();
        return new DeviceActivity(
                Provider.FILE,
                id,
                ProviderSports.fit(name(session.getSport()), name(session.getSubSport())),
                instant(start).atOffset(offset),
                ActivityFileParser.checkDuration(where, seconds),
                distance == null || distance < 0 ? 0.0 : distance.doubleValue(),
                heartRate == null ? null : heartRate.intValue());
    }

    private static Instant instant(long fitTimestamp) {
        return new DateTime(fitTimestamp).getDate().toInstant();
    }

    private static boolean isTransition(SessionMesg session) {
        return session.getSport() == Sport.TRANSITION
                || session.getSubSport() != null && session.getSubSport().name().endsWith("_TRANSITION");
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
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
