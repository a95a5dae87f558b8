package io.rebound.notification.preferences;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An address that asked for no more email; it gets none again. */
@Entity
@Table(name = "unsubscribed_address")
public class UnsubscribedAddress extends PanacheEntityBase {

    /** Lowercased and trimmed ({@link RecipientIds#normalized}). */
    @Id
    public String email;

    /** Whose link it was. */
    @Column(name = "recipient_id", nullable = false)
    public String recipientId;

    @Column(name = "unsubscribed_at", nullable = false)
    public Instant unsubscribedAt;
}
