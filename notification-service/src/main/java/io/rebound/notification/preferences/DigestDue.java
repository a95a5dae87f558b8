package io.rebound.notification.preferences;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Whether a PT's digest goes out now.
 *
 * @param suppress the PT turned the digest off or unsubscribed: their waiting WARNINGs are closed unsent
 * @param day      the local date whose digest is due now, or null when none is due yet
 * @param zone     the zone the digest's date is read in
 */
public record DigestDue(boolean suppress, String reason, LocalDate day, ZoneId zone) {

    public static DigestDue suppressed(String reason) {
        return new DigestDue(true, reason, null, null);
    }

    public static DigestDue notYet(ZoneId zone) {
        return new DigestDue(false, null, null, zone);
    }

    public static DigestDue dueFor(LocalDate day, ZoneId zone) {
        return new DigestDue(false, null, day, zone);
    }

    public boolean due() {
        return day != null;
    }
}
