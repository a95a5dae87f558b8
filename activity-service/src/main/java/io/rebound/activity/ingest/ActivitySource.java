package io.rebound.activity.ingest;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** One provider activity that an activity stands for. */
@Entity
@Table(name = "activity_source")
public class ActivitySource extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "activity_id", nullable = false)
    public UUID activityId;

    /** (provider, provider's activity id). */
    @Embeddable
    public record Key(@Column(name = "provider") String provider,
            @Column(name = "provider_activity_id") String providerActivityId) implements Serializable {
    }

    static ActivitySource of(Provider provider, String providerActivityId, UUID activityId) {
        ActivitySource source = new ActivitySource();
        source.key = new Key(provider.code(), providerActivityId);
        source.activityId = activityId;
        return source;
    }
}
