package io.rebound.activity.connect;

import java.time.Instant;
import java.util.List;

/** Views of a runner's connections. */
public final class ConnectionView {

    private ConnectionView() {
    }

    /**
     * @param status   {@code connected}, or {@code reconnect-needed} once the provider refused our tokens
     * @param backfill {@code queued}, {@code running}, {@code done}, or {@code none} (nothing asked for)
     */
    public record Connection(String provider, String providerUserId, Instant connectedAt, String status,
            String backfill) {
    }

    /** @param available the providers this server has client credentials for */
    public record Connections(List<Connection> connections, List<String> available) {
    }

    public record Authorization(String authorizationUrl) {
    }

    /**
     * @param replayed activities that provider user sent before the connect, applied now
     * @param backfill {@code queued}, or {@code none} where the provider offers no history (Polar)
     */
    public record Connected(String provider, String providerUserId, Instant connectedAt, int replayed,
            String backfill) {
    }
}
