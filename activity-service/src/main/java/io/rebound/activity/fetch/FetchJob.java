package io.rebound.activity.fetch;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One activity to fetch from a provider that only notified us of it. */
@Entity
@Table(name = "fetch_job")
public class FetchJob extends PanacheEntityBase {

    public static final String PENDING = "PENDING";
    public static final String UNLINKED = "UNLINKED";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    @Id
    public UUID id;

    @Column(nullable = false)
    public String provider;

    @Column(name = "provider_user_id", nullable = false)
    public String providerUserId;

    @Column(name = "provider_activity_id", nullable = false)
    public String providerActivityId;

    /** Polar names the exercise by URL. */
    public String url;

    @Column(nullable = false)
    public String state;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
