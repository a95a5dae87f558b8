package io.rebound.activity.provider.strava;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Our Strava push subscription, as created through the admin endpoint: Strava's events must carry its id. */
@Entity
@Table(name = "strava_subscription")
public class StravaSubscription extends PanacheEntityBase {

    /** Strava's id of the subscription, which every event names as {@code subscription_id}. */
    @Id
    public Long id;

    @Column(name = "callback_url", nullable = false)
    public String callbackUrl;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
