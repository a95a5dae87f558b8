package io.rebound.web.devices;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebound.web.client.ConnectionView;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeviceRowTest {

    private static final Instant SINCE = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void aConnectionTheProviderStoppedAcceptingOffersReconnectOnlyWhenTheServerOffersTheProvider() {
        ConnectionView stale = new ConnectionView("strava", "12345", SINCE, "reconnect-needed", "done");

        DeviceRow offered = DeviceRow.of(stale, true);
        DeviceRow notOffered = DeviceRow.of(stale, false);

        assertThat(offered.needsReconnect()).isTrue();
        assertThat(offered.reconnect()).isTrue();
        assertThat(notOffered.needsReconnect()).isTrue();
        assertThat(notOffered.reconnect()).isFalse();
    }

    @Test
    void aWorkingConnectionIsNamedWithItsAccountAndWhereItsBackfillIs() {
        DeviceRow row = DeviceRow.of(new ConnectionView("garmin", "u-1", SINCE, "connected", "running"), true);

        assertThat(row.name()).isEqualTo("Garmin");
        assertThat(row.account()).isEqualTo("u-1");
        assertThat(row.needsReconnect()).isFalse();
        assertThat(row.reconnect()).isFalse();
        assertThat(row.backfill()).contains("being fetched now");
        assertThat(DeviceRow.backfill("none")).isNull();
        assertThat(DeviceRow.backfill("queued")).contains("shortly");
    }

    @Test
    void aProviderThisVersionDoesNotKnowIsStillListedByItsId() {
        DeviceRow row = DeviceRow.of(new ConnectionView("coros", "9", SINCE, "connected", null), true);

        assertThat(row.name()).isEqualTo("Coros");
        assertThat(row.reconnect()).isFalse();
        assertThat(row.backfill()).isNull();
    }
}
