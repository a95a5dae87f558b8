package io.rebound.web.devices;

import io.rebound.web.client.ConnectionView;
import java.time.Instant;
import java.util.Locale;

/**
 * One connection as the Devices page shows it.
 *
 * @param reconnect whether to offer "Reconnect": the provider stopped taking our tokens and this server offers it
 */
public record DeviceRow(String provider, String name, String account, Instant connectedAt, boolean needsReconnect,
        boolean reconnect, String backfill) {

    static DeviceRow of(ConnectionView connection, boolean offered) {
        String id = connection.provider() == null ? "" : connection.provider();
        String name = DeviceProvider.of(id).map(DeviceProvider::displayName).orElseGet(() -> capitalised(id));
        boolean needsReconnect = "reconnect-needed".equals(connection.status());
        return new DeviceRow(id, name, connection.providerUserId(), connection.connectedAt(), needsReconnect,
                needsReconnect && offered && DeviceProvider.of(id).isPresent(), backfill(connection.backfill()));
    }

    /** The fetch of the last 16 weeks, in words; null when there is none to speak of. */
    static String backfill(String state) {
        if (state == null) {
            return null;
        }
        return switch (state) {
            case "queued" -> "The last 16 weeks of activities will be fetched shortly.";
            case "running" -> "The last 16 weeks of activities are being fetched now.";
            case "done" -> "The last 16 weeks of activities are in.";
            default -> null;
        };
    }

    private static String capitalised(String id) {
        return id.isEmpty() ? "Unknown app" : id.substring(0, 1).toUpperCase(Locale.ROOT) + id.substring(1);
    }
}
