package io.rebound.activity.ingest;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** What a provider user last allowed us to do (Garmin's user permissions), as the provider last told us. */
@Entity
@Table(name = "provider_permission")
public class ProviderPermission extends PanacheEntityBase {

    @EmbeddedId
    public LinkKey key;

    /** Comma-separated, as the provider names them (ACTIVITY_EXPORT, HEALTH_EXPORT...). */
    @Column(nullable = false)
    public String permissions;

    /** When the user changed them, by the provider's clock; null when it did not say. */
    @Column(name = "changed_at")
    public Instant changedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
