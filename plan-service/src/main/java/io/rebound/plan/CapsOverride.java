package io.rebound.plan;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One change a PT made to a runner's caps: who, when, why, and what (as the JSON they sent). */
@Entity
@Table(name = "caps_override")
public class CapsOverride extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(nullable = false)
    public String reason;

    @Column(nullable = false)
    public String changes;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}
