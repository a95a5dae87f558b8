package io.rebound.web.client;

/** A recipient's email preferences (notification-service); email, role and unsubscribed are read-only. */
public record Preferences(String recipientId, String role, String email, boolean digest, QuietHours quietHours,
        String timeZone, boolean unsubscribed) {

    /** Local times, "22:00" to "07:00"; from after to runs across midnight. */
    public record QuietHours(String from, String to) {
    }
}
