package io.rebound.activity.ingest;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One item of a provider's batch refused on its own, with the reason, while the rest of the batch was stored. */
@Entity
@Table(name = "refused_delivery")
public class RefusedDelivery extends PanacheEntityBase {

    /** Bodies are kept up to this many characters: enough to see what was wrong. */
    static final int MAX_BODY = 8_000;

    @Id
    public UUID id;

    @Column(nullable = false)
    public String provider;

    /** Null when the item named no usable user. */
    @Column(name = "provider_user_id")
    public String providerUserId;

    /** The provider's id of the item (Garmin's summaryId), when it had a usable one. */
    @Column(name = "item_id")
    public String itemId;

    /** The JSON path of the field at fault. */
    @Column(nullable = false)
    public String field;

    @Column(nullable = false)
    public String reason;

    @Column(nullable = false)
    public String body;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    public static RefusedDelivery of(Provider provider, String providerUserId, String itemId, String field, String reason,
            String body, Instant receivedAt) {
        RefusedDelivery refused = new RefusedDelivery();
        refused.id = UUID.randomUUID();
        refused.provider = provider.code();
        refused.providerUserId = providerUserId;
        refused.itemId = itemId;
        refused.field = cut(field, 200);
        refused.reason = cut(reason, 1000);
        refused.body = cut(body, MAX_BODY);
        refused.receivedAt = receivedAt;
        return refused;
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
