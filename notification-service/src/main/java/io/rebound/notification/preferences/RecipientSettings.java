package io.rebound.notification.preferences;

import java.time.ZoneId;

/**
 * What a recipient's preferences come to, defaults filled in: everything the sender and the digest need to decide.
 *
 * @param quietHours null when the recipient has none
 * @param zone       the zone the quiet hours and the digest hour are read in
 */
public record RecipientSettings(boolean unsubscribed, boolean digest, QuietHours quietHours, ZoneId zone) {
}
