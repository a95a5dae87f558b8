package io.rebound.activity.ingest;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A provider's user tied to a runner. A link made through the provider's OAuth flow (a connection) also keeps the
 * refresh token and the access token's expiry; every token is encrypted with
 * {@link io.rebound.activity.links.TokenCipher}.
 */
@Entity
@Table(name = "device_link")
public class DeviceLink extends PanacheEntityBase {

    @EmbeddedId
    public LinkKey key;

    @Column(name = "runner_id", nullable = false)
    public String runnerId;

    /** Encrypted with {@code TokenCipher}; null for push-style providers. */
    @Column(name = "access_token")
    public String accessToken;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Encrypted with {@code TokenCipher}; null for providers whose tokens never need refreshing (Polar). */
    @Column(name = "refresh_token")
    public String refreshToken;

    /** When the access token expires; null when the provider did not say. */
    @Column(name = "token_expires_at")
    public Instant tokenExpiresAt;

    /** {@link #CONNECTED}, or {@link #RECONNECT_NEEDED} once the provider refused our tokens. */
    @Column(nullable = false)
    public String status = CONNECTED;

    /** The last OAuth connect; null for links made by an admin. */
    @Column(name = "connected_at")
    public Instant connectedAt;

    /** When a connect last queued the backfill of earlier activities; null when none was. */
    @Column(name = "backfill_requested_at")
    public Instant backfillRequestedAt;

    public static final String CONNECTED = "connected";
    public static final String RECONNECT_NEEDED = "reconnect-needed";
}
