package io.rebound.activity;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.rebound.events.ActivityRecorded;
import io.rebound.events.MassageDepth;
import io.rebound.events.Sport;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** One logged activity of one runner, as accepted. */
@Entity
@Table(name = "activity")
public class Activity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "runner_id", nullable = false)
    public String runnerId;

    @Column(nullable = false)
    public String sport;

    @Column(name = "start_time", nullable = false)
    public Instant startTime;

    /** The offset the device reported, kept so the start reads as the runner saw it. */
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

    /** True when a run included strides; null when the runner did not say. */
    @Column(name = "strides")
    public Boolean strides;

    /** A massage's depth as its wire code ({@code light}, {@code deep}), like {@link #sport}. */
    @Column(name = "massage_depth")
    public String massageDepth;

    public OffsetDateTime start() {
        return startTime.atOffset(ZoneOffset.ofTotalSeconds(startOffsetSeconds));
    }

    public MassageDepth depth() {
        return massageDepth == null ? null : MassageDepth.fromCode(massageDepth);
    }

    public ActivityRecorded toEvent() {
        return new ActivityRecorded(id, runnerId, Sport.fromCode(sport), start(), durationSeconds, distanceMetres,
                perceivedEffort, averageHeartRate, acceptedAt, strides, depth());
    }
}
