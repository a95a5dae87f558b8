package io.rebound.web.client;

import java.time.Instant;

/**
 * One connection as activity-service lists it.
 *
 * @param status   {@code connected} or {@code reconnect-needed} (the provider no longer accepts our tokens)
 * @param backfill the fetch of the last 16 weeks: {@code queued}, {@code running}, {@code done} or {@code none}
 */
public record ConnectionView(String provider, String providerUserId, Instant connectedAt, String status, String backfill) {
}
