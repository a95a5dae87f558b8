package io.rebound.activity.ingest;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A delivery we acknowledged: what it asked, and whether it has been applied to a runner's activities yet. */
@Entity
@Table(name = "webhook_receipt")
public class WebhookReceipt extends PanacheEntityBase {

    public static final String APPLIED = "APPLIED";
    public static final String UNLINKED = "UNLINKED";

    @Id
    public UUID id;

    @Column(nullable = false)
    public String provider;

    @Column(name = "provider_user_id", nullable = false)
    public String providerUserId;

    /** The provider's id of this delivery (e.g. {@code webhook-id}); the same id twice is one delivery. */
    @Column(name = "delivery_id")
    public String deliveryId;

    /** UPSERT or DELETE. */
    @Column(nullable = false)
    public String operation;

    /** The DeviceActivity as JSON (for a DELETE, only its provider and provider activity id matter). */
    @Column(nullable = false)
    public String payload;

    @Column(nullable = false)
    public String state;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "applied_at")
    public Instant appliedAt;
}
