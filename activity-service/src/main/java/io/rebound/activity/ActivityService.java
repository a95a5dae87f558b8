package io.rebound.activity;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.rebound.events.ActivityCorrected;
import io.rebound.events.ActivityDeleted;
import io.rebound.events.ActivityRecorded;
import io.rebound.support.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Records, corrects and deletes activities: each change and the event reporting it are committed together or not
 * at all.
 */
@ApplicationScoped
public class ActivityService {

    private final Outbox outbox;
    private final String topic;
    private final Clock clock;

    public ActivityService(Outbox outbox, ActivityConfig config) {
        this.outbox = outbox;
        this.topic = config.topic();
        // Microseconds are what PostgreSQL keeps, so a time read back from the row equals the one first published.
        this.clock = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    @WithTransaction
    public Uni<Activity> record(ActivityInput request) {
        Instant now = clock.instant();
        Activity activity = new Activity();
        activity.id = UUID.randomUUID();
        activity.acceptedAt = now;
        fill(activity, request);
        return persistNew(activity);
    }

    /** Stores a new activity and stages ActivityRecorded. Call inside a transaction. */
    public Uni<Activity> persistNew(Activity activity) {
        return activity.<Activity>persist()
                .chain(() -> outbox.stage(topic, activity.runnerId, ActivityRecorded.TYPE, activity.id.toString(),
                        activity.toEvent(), activity.acceptedAt))
                .replaceWith(activity);
    }

    /** Stages ActivityCorrected for an activity whose facts were just changed. Call inside a transaction. */
    public Uni<Activity> publishCorrection(Activity activity) {
        Instant now = clock.instant();
        ActivityCorrected event = new ActivityCorrected(activity.toEvent(), now);
        return outbox.stage(topic, activity.runnerId, ActivityCorrected.TYPE, event.eventId(), event, now)
                .replaceWith(activity);
    }

    /** Removes an activity and stages ActivityDeleted. Call inside a transaction. */
    public Uni<Void> remove(Activity activity) {
        Instant now = clock.instant();
        ActivityDeleted event = new ActivityDeleted(activity.id, activity.runnerId, now);
        return activity.delete()
                .chain(() -> outbox.stage(topic, activity.runnerId, ActivityDeleted.TYPE, event.eventId(), event, now));
    }

    /** The clock activities are accepted by, to the microsecond PostgreSQL keeps. */
    public Instant now() {
        return clock.instant();
    }

    /**
     * Replaces what the runner's activity says, keeping its id and acceptance time, and stages ActivityCorrected.
     * Answers null when the runner has no such activity.
     */
    @WithTransaction
    public Uni<Activity> correct(String runnerId, UUID id, ActivityInput request) {
        return lockOwn(runnerId, id).chain(activity -> {
            if (activity == null) {
                return Uni.createFrom().nullItem();
            }
            fill(activity, request);
            return publishCorrection(activity);
        });
    }

    /** Removes the runner's activity and stages ActivityDeleted; answers false when there was no such activity. */
    @WithTransaction
    public Uni<Boolean> delete(String runnerId, UUID id) {
        return lockOwn(runnerId, id).chain(activity -> activity == null
                ? Uni.createFrom().item(false)
                : remove(activity).replaceWith(true));
    }

    @WithSession
    public Uni<List<Activity>> list(String runnerId, int limit) {
        return Activity.<Activity>find("runnerId = ?1 order by startTime desc", runnerId).range(0, limit - 1).list();
    }

    @WithSession
    public Uni<Activity> find(String runnerId, UUID id) {
        return Activity.<Activity>findById(id).map(found -> ownedBy(found, runnerId));
    }

    // The row lock makes concurrent changes to one activity stage their events in the order they commit.
    static Uni<Activity> lockOwn(String runnerId, UUID id) {
        return Activity.<Activity>findById(id, LockModeType.PESSIMISTIC_WRITE).map(found -> ownedBy(found, runnerId));
    }

    private static Activity ownedBy(Activity activity, String runnerId) {
        return activity != null && activity.runnerId.equals(runnerId) ? activity : null;
    }

    private static void fill(Activity activity, ActivityInput request) {
        activity.runnerId = request.runnerId();
        activity.sport = request.sport().code();
        activity.startTime = request.startTime().toInstant();
        activity.startOffsetSeconds = request.startTime().getOffset().getTotalSeconds();
        activity.durationSeconds = request.durationSeconds();
        activity.distanceMetres = request.distanceMetres();
        activity.perceivedEffort = request.perceivedEffort();
        activity.averageHeartRate = request.averageHeartRate();
        activity.strides = request.strides();
        activity.massageDepth = request.massageDepth() == null ? null : request.massageDepth().code();
    }
}
