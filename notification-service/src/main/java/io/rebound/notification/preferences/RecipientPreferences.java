package io.rebound.notification.preferences;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.rebound.notification.email.RecipientRole;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalTime;

/** The preferences a recipient stored; one who never changed anything has no row. */
@Entity
@Table(name = "recipient_preferences")
public class RecipientPreferences extends PanacheEntityBase {

    @Id
    @Column(name = "recipient_id")
    public String recipientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RecipientRole role;

    /** The address the recipient had when they last saved their preferences. */
    @Column(nullable = false)
    public String email;

    @Column(nullable = false)
    public boolean digest;

    @Column(name = "quiet_from")
    public LocalTime quietFrom;

    @Column(name = "quiet_to")
    public LocalTime quietTo;

    /** Null: the zone the plan gives. */
    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public QuietHours quietHours() {
        return quietFrom == null ? null : new QuietHours(quietFrom, quietTo);
    }
}
