package io.rebound.notification.email;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One PT's digest of one local day. */
@Entity
@Table(name = "digest")
public class Digest extends PanacheEntityBase {

    public static final String SENDING = "SENDING";
    public static final String SENT = "SENT";

    @Id
    public UUID id;

    @Column(name = "pt_email", nullable = false)
    public String ptEmail;

    @Column(name = "local_date", nullable = false)
    public LocalDate localDate;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(nullable = false)
    public String state;

    @Column(nullable = false)
    public int warnings;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;
}
