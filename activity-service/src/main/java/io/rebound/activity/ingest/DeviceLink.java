package io.rebound.activity.ingest;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A provider's user tied to a runner. */
@Entity
@Table(name = "device_link")
public class DeviceLink extends PanacheEntityBase {

    @EmbeddedId
    public LinkKey key;

    @Column(name = "runner_id", nullable = false)
    public String runnerId;

    /** Encrypted with {@link TokenCipher}; null for push-style providers. */
    @Column(name = "access_token")
    public String accessToken;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
