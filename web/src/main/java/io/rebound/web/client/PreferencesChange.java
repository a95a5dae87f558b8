package io.rebound.web.client;

/** A PUT of a recipient's preferences: all three, a null quietHours for none. */
public record PreferencesChange(Boolean digest, Preferences.QuietHours quietHours, String timeZone) {
}
