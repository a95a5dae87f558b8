package io.rebound.plan;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.rebound.events.DistanceUnit;
import io.rebound.events.PlanChanged;
import io.rebound.plan.rules.Caps;
import io.rebound.plan.rules.PlanCalendar;
import io.rebound.plan.rules.PlanContext;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/** A runner's return-to-running plan and who hears about it. */
@Entity
@Table(name = "plan")
public class Plan extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "runner_id", nullable = false, unique = true)
    public String runnerId;

    @Column(name = "race_date", nullable = false)
    public LocalDate raceDate;

    /** IANA zone id: the runner's days are counted in it. */
    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "peak_week_metres", nullable = false)
    public double peakWeekMetres;

    @Enumerated(EnumType.STRING)
    @Column(name = "distance_unit", nullable = false)
    public DistanceUnit distanceUnit;

    @Column(name = "runner_name", nullable = false)
    public String runnerName;

    @Column(name = "runner_email", nullable = false)
    public String runnerEmail;

    @Column(name = "pt_name", nullable = false)
    public String ptName;

    @Column(name = "pt_email", nullable = false)
    public String ptEmail;

    /** The PT's id, the subject of their token: given with the plan, else derived from their email (PtIds). */
    @Column(name = "pt_id", nullable = false)
    public String ptId;

    /** The PT's own zone, when given: their daily digest goes out at 07:00 there. */
    @Column(name = "pt_time_zone")
    public String ptTimeZone;

    /** The plan's own copy of the caps, as JSON: a later change of the template leaves it alone. */
    @Column(name = "caps")
    public String capsJson;

    /** Beats per minute; heart-rate intensity needs it. */
    @Column(name = "max_heart_rate")
    public Integer maxHeartRate;

    @Enumerated(EnumType.STRING)
    @Column(name = "peak_week_source", nullable = false)
    public PeakWeekSource peakWeekSource;

    /** An injured runner's PT hears every WARNING at once (docs/domain.md "Who hears what"). */
    @Column(nullable = false)
    public boolean injured;

    /** Counts changes; with the plan id it names each PlanChanged event. */
    @Column(nullable = false)
    public int version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    public static Uni<Plan> findByRunner(String runnerId) {
        return find("runnerId", runnerId).firstResult();
    }

    public PlanCalendar calendar() {
        return new PlanCalendar(raceDate, ZoneId.of(timeZone));
    }

    public Caps caps() {
        return capsJson == null ? Caps.TEMPLATE : CapsJson.read(capsJson);
    }

    public void caps(Caps caps) {
        capsJson = CapsJson.write(caps);
    }

    public PlanContext context() {
        return new PlanContext(calendar(), peakWeekMetres, maxHeartRate, caps(), distanceUnit);
    }

    public String changeEventId() {
        return id + ":" + version;
    }

    public PlanChanged toEvent() {
        return new PlanChanged(id, runnerId, raceDate, timeZone, peakWeekMetres, distanceUnit,
                new PlanChanged.Contact(runnerName, runnerEmail),
                new PlanChanged.Contact(ptName, ptEmail, ptTimeZone, ptId), changedAt, injured);
    }
}
