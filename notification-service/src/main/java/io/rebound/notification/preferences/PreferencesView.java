package io.rebound.notification.preferences;

import io.rebound.notification.email.RecipientRole;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A recipient's preferences, defaults filled in. */
public record PreferencesView(
        @Schema(description = "A runner's runnerId, or a PT's PT id (the plan's, else pt- and 20 hex digits derived from"
                + " their email), shown in the footer of their emails")
        String recipientId,
        RecipientRole role,
        @Schema(description = "Read-only: the address emails go to, from the latest plan")
        String email,
        @Schema(description = "PTs only: false stops the daily digest of WARNINGs (those WARNINGs are then not sent at all)")
        boolean digest,
        @Schema(description = "Null, or local hours when only OVERLOAD emails go out; the rest waits until they end")
        QuietHoursJson quietHours,
        @Schema(description = "IANA zone the quiet hours (and a PT's 07:00 digest) are read in; by default the plan's")
        String timeZone,
        @Schema(description = "Read-only: the address unsubscribed through the link in an email and gets no more email")
        boolean unsubscribed) {

    static PreferencesView of(Recipient recipient, RecipientPreferences stored, boolean unsubscribed) {
        if (stored == null) {
            return new PreferencesView(recipient.id(), recipient.role(), recipient.email(), true, null,
                    recipient.planZone().getId(), unsubscribed);
        }
        return new PreferencesView(recipient.id(), recipient.role(), recipient.email(), stored.digest,
                QuietHoursJson.of(stored.quietHours()),
                stored.timeZone == null ? recipient.planZone().getId() : stored.timeZone, unsubscribed);
    }
}
