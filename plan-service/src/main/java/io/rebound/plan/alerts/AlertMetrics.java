package io.rebound.plan.alerts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.rebound.events.Severity;
import io.rebound.plan.rules.Finding;
import io.rebound.plan.rules.Rule;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * The rule engine's output as metrics, tagged by rule and severity only (a closed set of about 40 pairs):
 * {@code rebound_findings_total}, {@code rebound_alerts_raised_total} and {@code rebound_alert_latency_seconds}.
 * Counted when the alert is staged in the outbox, inside the transaction that records it; a transaction that then
 * fails and is retried counts again, which the processed-event ledger makes rare (a database failure mid-commit).
 */
@ApplicationScoped
public class AlertMetrics {

    private final MeterRegistry registry;
    private final Timer latency;

    public AlertMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.latency = Timer.builder("rebound.alert.latency")
                .description("From activity-service accepting an activity (the alert's activityAcceptedAt) to plan-service"
                        + " raising the alert it caused, i.e. staging OverloadAlertRaised in the outbox in the same"
                        + " transaction; only alerts raised on the activity's own arrival, not on a later plan or caps change")
                .serviceLevelObjectives(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
                        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
                        Duration.ofSeconds(10))
                .minimumExpectedValue(Duration.ofMillis(50))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
        for (Rule rule : Rule.values()) {
            for (Severity severity : Severity.values()) {
                findings(rule, severity);
                raised(rule, severity);
            }
        }
    }

    /** A rule newly crossed in a window (or crossed again after a withdrawal), whatever became of it. */
    void finding(Finding finding) {
        findings(finding.rule(), finding.severity()).increment();
    }

    /** An OverloadAlertRaised staged; {@code acceptedAt} given when the alert answers the activity that just arrived. */
    void raised(Finding finding, Instant acceptedAt, Instant raisedAt) {
        raised(finding.rule(), finding.severity()).increment();
        if (acceptedAt != null) {
            Duration took = Duration.between(acceptedAt, raisedAt);
            // Two services' clocks: a small skew must not make a negative latency.
            latency.record(took.isNegative() ? Duration.ZERO : took);
        }
    }

    private Counter findings(Rule rule, Severity severity) {
        return Counter.builder("rebound.findings")
                .description("Findings of the rule engine: a rule newly crossed in a plan window, by rule and severity")
                .tags("rule", rule.name(), "severity", severity.name())
                .register(registry);
    }

    private Counter raised(Rule rule, Severity severity) {
        return Counter.builder("rebound.alerts.raised")
                .description("OverloadAlertRaised events staged for the alerts topic, by rule and severity")
                .tags("rule", rule.name(), "severity", severity.name())
                .register(registry);
    }
}
