package io.rebound.notification.preferences;

import io.rebound.notification.email.RecipientRole;
import java.time.ZoneId;

/**
 * Someone we email, as the contact directory knows them.
 *
 * @param id       their recipient id ({@link RecipientIds})
 * @param planZone the zone their plans give: the runner's, or the PT's own (the runner's when the plan gives none)
 */
public record Recipient(String id, RecipientRole role, String email, ZoneId planZone) {
}
