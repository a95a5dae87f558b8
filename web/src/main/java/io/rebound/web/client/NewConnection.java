package io.rebound.web.client;

import java.time.Instant;

/**
 * A connection just made.
 *
 * @param replayed activities the provider had sent before the connection, now added to the runner's
 * @param backfill {@code queued} when the last 16 weeks are being fetched, else {@code none}
 */
public record NewConnection(String provider, String providerUserId, Instant connectedAt, Integer replayed, String backfill) {
}
