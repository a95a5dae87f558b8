package io.rebound.activity;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.rebound.activity.api.NewActivity;
import io.rebound.events.ActivityRecorded;
import io.rebound.support.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Records activities: the row and its ActivityRecorded event are committed together or not at all. */
@ApplicationScoped
public class ActivityService {

    public static final String TOPIC = "activities";

    private final Outbox outbox;
    private final Clock clock;

    public ActivityService(Outbox outbox) {
        this.outbox = outbox;
        this.clock = Clock.systemUTC();
    }

    @WithTransaction
    public Uni<Activity> record(NewActivity request) {
        Instant now = clock.instant();
        Activity activity = new Activity();
        activity.id = UUID.randomUUID();
        activity.runnerId = request.runnerId();
        activity.sport = request.sport().code();
        activity.startTime = request.startTime().toInstant();
        activity.startOffsetSeconds = request.startTime().getOffset().getTotalSeconds();
        activity.durationSeconds = request.durationSeconds();
        activity.distanceMetres = request.distanceMetres();
        activity.perceivedEffort = request.perceivedEffort();
        activity.averageHeartRate = request.averageHeartRate();
        activity.acceptedAt = now;
        return activity.<Activity>persist()
                .chain(() -> outbox.stage(TOPIC, activity.runnerId, ActivityRecorded.TYPE, activity.id.toString(),
                        activity.toEvent(), now))
                .replaceWith(activity);
    }

    @WithSession
    public Uni<List<Activity>> list(String runnerId, int limit) {
        return Activity.<Activity>find("runnerId = ?1 order by startTime desc", runnerId).range(0, limit - 1).list();
    }

    @WithSession
    public Uni<Activity> find(String runnerId, UUID id) {
        return Activity.<Activity>findById(id).map(found -> found != null && found.runnerId.equals(runnerId) ? found : null);
    }
}
