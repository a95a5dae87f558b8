package io.rebound.plan.alerts;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.rebound.events.OverloadAlertRaised.Quantity;
import io.rebound.events.Phase;
import io.rebound.events.Severity;
import io.rebound.plan.rules.PlanWindow;
import io.rebound.plan.rules.Rule;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A finding of one plan window and its state; its id names the alert it raised (or would raise). Only changed
 * columns are written, so a re-evaluation that read the row before an acknowledgement cannot write it away.
 */
@Entity
@DynamicUpdate
@Table(name = "raised_alert")
public class RaisedAlert extends PanacheEntityBase {

    @Id
    @Column(name = "alert_id")
    public UUID alertId;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(name = "runner_id", nullable = false)
    public String runnerId;

    @Column(name = "window_key", nullable = false)
    public String windowKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Phase phase;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Rule rule;

    @Column(name = "rule_text")
    public String ruleText;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Severity severity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AlertState state;

    @Enumerated(EnumType.STRING)
    public Quantity quantity;

    @Column(name = "limit_value")
    public Double limitValue;

    @Column(name = "actual_value")
    public Double actualValue;

    public Integer day;

    @Column(name = "local_date")
    public LocalDate localDate;

    @Column(name = "activity_id", nullable = false)
    public UUID activityId;

    @Column(name = "raised_at", nullable = false)
    public Instant raisedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The tipping activity as the last raise carried it (OverloadAlertRaised.activity, JSON); null before V5. */
    @Column(name = "activity_json")
    public String activityJson;

    /** The window's running as the last raise carried it (OverloadAlertRaised.running, JSON); null when none. */
    @Column(name = "running_json")
    public String runningJson;

    /** The runner's allowance as the last raise carried it (OverloadAlertRaised.today, JSON); null when none. */
    @Column(name = "today_json")
    public String todayJson;

    /** The subject of whoever acknowledged the alert (a PT id, or an admin's subject); null while nobody has. */
    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "acknowledged_note")
    public String acknowledgedNote;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    /** The same (plan, window, rule, severity) always gives the same id, so a crossing alerts once. */
    public static UUID id(UUID planId, PlanWindow window, Rule rule, Severity severity) {
        String name = "rebound-alert|" + planId + "|" + window.key() + "|" + rule + "|" + severity;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    public String key() {
        return rule + "/" + severity;
    }
}
