package io.rebound.activity.ingest;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One provider activity that an activity stands for. */
@Entity
@Table(name = "activity_source")
public class ActivitySource extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    /**
     * Null once the activity was deleted: the row stays. With {@link #deleted} it is a provider's deletion (a tombstone);
     * without, the runner deleted the activity here ({@link #removedHere()}), and the database's ON DELETE SET NULL
     * left the row so.
     */
    @Column(name = "activity_id")
    public UUID activityId;

    /** The provider's time of the version we hold, when the provider gives one. */
    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(nullable = false)
    public boolean deleted;

    /** True when a version from {@code at} is older than what we already hold, or the activity was deleted. */
    boolean supersedes(Instant at) {
        return deleted || (at != null && updatedAt != null && at.isBefore(updatedAt));
    }

    /** The runner deleted the activity here, through the API; the provider still has it. */
    boolean removedHere() {
        return activityId == null && !deleted;
    }

    /** Deleted at the provider: no later version brings it back. */
    void tombstone() {
        deleted = true;
        activityId = null;
    }

    /** (provider, provider's activity id); for the runner's own files, the id is the runner's id and the file's. */
    @Embeddable
    public record Key(@Column(name = "provider") String provider,
            @Column(name = "provider_activity_id") String providerActivityId) implements Serializable {
    }

    static ActivitySource of(Provider provider, String providerActivityId, UUID activityId, Instant updatedAt) {
        ActivitySource source = new ActivitySource();
        source.key = new Key(provider.code(), providerActivityId);
        source.activityId = activityId;
        source.updatedAt = updatedAt;
        return source;
    }
}
