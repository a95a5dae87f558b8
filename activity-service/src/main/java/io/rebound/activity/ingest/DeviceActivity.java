package io.rebound.activity.ingest;

import io.rebound.events.Sport;
import java.time.OffsetDateTime;

/**
 * An activity as a provider described it, already mapped onto Rebound's terms: metres, seconds, a {@link Sport}.
 * Every way in (webhooks, provider APIs, files) produces one of these and hands it to the ingest service.
 *
 * @param providerActivityId the provider's own id of the activity (Strava's activity id, Garmin's summaryId, a
 *                           file's content hash): the same provider activity arriving twice is stored once
 * @param startTime          when it started, with the offset the provider reported (UTC when it gave none)
 * @param averageHeartRate   beats per minute, or null
 */
public record DeviceActivity(
        Provider provider,
        String providerActivityId,
        Sport sport,
        OffsetDateTime startTime,
        long durationSeconds,
        double distanceMetres,
        Integer averageHeartRate) {
}
