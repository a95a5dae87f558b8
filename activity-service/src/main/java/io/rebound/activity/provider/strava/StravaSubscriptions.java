package io.rebound.activity.provider.strava;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.rebound.activity.ActivityConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Which Strava subscription is ours: the id configured ({@code rebound.activity.strava.subscription-id}, for a
 * subscription made by hand) or the one stored when the admin endpoint created it. Strava signs no event, so an event
 * naming another subscription, or arriving when we have none, is not believed.
 */
@ApplicationScoped
public class StravaSubscriptions {

    private final Long configured;

    public StravaSubscriptions(ActivityConfig config) {
        this.configured = config.strava().subscriptionId().orElse(null);
    }

    @WithSession
    public Uni<Boolean> isOurs(long subscriptionId) {
        if (configured != null && configured == subscriptionId) {
            return Uni.createFrom().item(true);
        }
        return StravaSubscription.<StravaSubscription>findById(subscriptionId).map(stored -> stored != null);
    }
}
