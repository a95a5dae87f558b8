package io.rebound.plan.ledger;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.rebound.events.ActivityRecorded;
import io.rebound.events.Sport;
import io.rebound.plan.rules.LoggedActivity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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

    static LedgerActivity of(ActivityRecorded event) {
        LedgerActivity entry = new LedgerActivity();
        entry.activityId = event.activityId();
        entry.runnerId = event.runnerId();
        entry.sport = event.sport().code();
        entry.startTime = event.startTime().toInstant();
        entry.startOffsetSeconds = event.startTime().getOffset().getTotalSeconds();
        entry.durationSeconds = event.durationSeconds();
        entry.distanceMetres = event.distanceMetres();
        entry.perceivedEffort = event.perceivedEffort();
        entry.averageHeartRate = event.averageHeartRate();
        entry.acceptedAt = event.acceptedAt();
        return entry;
    }

    public LoggedActivity toLogged() {
        return new LoggedActivity(activityId, Sport.fromCode(sport),
                startTime.atOffset(ZoneOffset.ofTotalSeconds(startOffsetSeconds)), durationSeconds, distanceMetres,
                perceivedEffort, averageHeartRate);
    }
}
