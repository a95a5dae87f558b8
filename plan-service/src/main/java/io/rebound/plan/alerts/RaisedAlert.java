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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A finding of one plan window and its state; its id names the alert it raised (or would raise). */
@Entity
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

    /** The same (plan, window, rule, severity) always gives the same id, so a crossing alerts once. */
    public static UUID id(UUID planId, PlanWindow window, Rule rule, Severity severity) {
        String name = "rebound-alert|" + planId + "|" + window.key() + "|" + rule + "|" + severity;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    public String key() {
        return rule + "/" + severity;
    }
}
