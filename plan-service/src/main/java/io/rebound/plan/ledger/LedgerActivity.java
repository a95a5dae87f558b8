package io.rebound.plan.ledger;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.rebound.events.ActivityRecorded;
import io.rebound.events.MassageDepth;
import io.rebound.events.Sport;
import io.rebound.plan.rules.LoggedActivity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** An activity as plan-service received it: the runner's history that every evaluation reads. */
@Entity
@Table(name = "ledger_activity")
public class LedgerActivity extends PanacheEntityBase {

    @Id
    @Column(name = "activity_id")
    public UUID activityId;

    @Column(name = "runner_id", nullable = false)
    public String runnerId;

    @Column(nullable = false)
    public String sport;

    @Column(name = "start_time", nullable = false)
    public Instant startTime;

    @Column(name = "start_offset_seconds", nullable = false)
    public int startOffsetSeconds;

    @Column(name = "duration_seconds", nullable = false)
    public long durationSeconds;

    @Column(name = "distance_metres", nullable = false)
    public double distanceMetres;

    @Column(name = "perceived_effort")
    public Integer perceivedEffort;

    @Column(name = "average_heart_rate")
    public Integer averageHeartRate;

    @Column(name = "accepted_at", nullable = false)
    public Instant acceptedAt;

    @Column(nullable = false)
    public boolean strides;

    @Enumerated(EnumType.STRING)
    @Column(name = "massage_depth")
    public MassageDepth massageDepth;

    static LedgerActivity of(ActivityRecorded event) {
        LedgerActivity entry = new LedgerActivity();
        entry.activityId = event.activityId();
        entry.update(event);
        return entry;
    }

    /** Takes the activity's facts as they now stand (recorded or corrected). */
    void update(ActivityRecorded event) {
        runnerId = event.runnerId();
        sport = event.sport().code();
        startTime = event.startTime().toInstant();
        startOffsetSeconds = event.startTime().getOffset().getTotalSeconds();
        durationSeconds = event.durationSeconds();
        distanceMetres = event.distanceMetres();
        perceivedEffort = event.perceivedEffort();
        averageHeartRate = event.averageHeartRate();
        acceptedAt = event.acceptedAt();
        strides = Boolean.TRUE.equals(event.strides());
        massageDepth = event.massageDepth();
    }

    public LoggedActivity toLogged() {
        return new LoggedActivity(activityId, Sport.fromCode(sport),
                startTime.atOffset(ZoneOffset.ofTotalSeconds(startOffsetSeconds)), durationSeconds, distanceMetres,
                perceivedEffort, averageHeartRate, strides, massageDepth);
    }

    LedgerActivity copy() {
        LedgerActivity copy = new LedgerActivity();
        copy.activityId = activityId;
        copy.runnerId = runnerId;
        copy.sport = sport;
        copy.startTime = startTime;
        copy.startOffsetSeconds = startOffsetSeconds;
        copy.durationSeconds = durationSeconds;
        copy.distanceMetres = distanceMetres;
        copy.perceivedEffort = perceivedEffort;
        copy.averageHeartRate = averageHeartRate;
        copy.acceptedAt = acceptedAt;
        copy.strides = strides;
        copy.massageDepth = massageDepth;
        return copy;
    }
}
