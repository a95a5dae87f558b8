package io.rebound.notification.contacts;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.rebound.events.DistanceUnit;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Who to tell about one runner, and how they read distances, as of the runner's latest plan. */
@Entity
@Table(name = "contact")
public class Contact extends PanacheEntityBase {

    @Id
    @Column(name = "runner_id")
    public String runnerId;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(name = "runner_name", nullable = false)
    public String runnerName;

    @Column(name = "runner_email", nullable = false)
    public String runnerEmail;

    @Column(name = "pt_name", nullable = false)
    public String ptName;

    @Column(name = "pt_email", nullable = false)
    public String ptEmail;

    /** The PT's id: the subject of their tokens and their recipient id (the plan's, else derived from the email). */
    @Column(name = "pt_id", nullable = false)
    public String ptId;

    /** The unit's code, {@code km} or {@code mi}. */
    @Column(name = "distance_unit", nullable = false)
    public String distanceUnit;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /** Marked injured by the PT: every WARNING goes to the PT at once. */
    public boolean injured;

    /** The PT's own zone when the plan gives it; the runner's zone stands in otherwise. */
    @jakarta.persistence.Column(name = "pt_time_zone")
    public String ptTimeZone;

    public String ptZoneOrRunners() {
        return ptTimeZone != null ? ptTimeZone : timeZone;
    }

    public DistanceUnit unit() {
        return DistanceUnit.fromCode(distanceUnit);
    }
}
