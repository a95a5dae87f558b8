package io.rebound.plan.alerts;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.rebound.events.OverloadAlertRaised;
import io.rebound.events.OverloadAlertRaised.TippingActivity;
import io.rebound.plan.Plan;
import io.rebound.plan.ledger.Ledger;
import io.rebound.plan.ledger.LedgerActivity;
import io.rebound.plan.rules.Finding;
import io.rebound.plan.rules.LoggedActivity;
import io.rebound.plan.rules.RuleEngine;
import io.rebound.support.outbox.Outbox;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Evaluates a runner's whole ledger against the plan and raises each new finding once: the alert row and its
 * event are written in the caller's transaction, so an alert is never lost nor raised twice.
 */
@ApplicationScoped
public class AlertService {

    public static final String TOPIC = "alerts";

    private static final String RAISE = "INSERT INTO raised_alert (alert_id, plan_id, runner_id, rule, phase, severity,"
            + " activity_id, raised_at) VALUES (:alertId, :planId, :runnerId, :rule, :phase, :severity, :activityId,"
            + " :raisedAt) ON CONFLICT (alert_id) DO NOTHING";

    private final Ledger ledger;
    private final Outbox outbox;
    private final Clock clock = Clock.systemUTC();

    public AlertService(Ledger ledger, Outbox outbox) {
        this.ledger = ledger;
        this.outbox = outbox;
    }

    /** Raises what the runner's history now crosses and was not raised before. Returns how many were raised. */
    public Uni<Integer> evaluate(Plan plan) {
        return ledger.history(plan.runnerId).chain(history -> {
            Map<UUID, LedgerActivity> byId = history.stream()
                    .collect(Collectors.toMap(a -> a.activityId, Function.identity()));
            List<LoggedActivity> logged = history.stream().map(LedgerActivity::toLogged).toList();
            List<Finding> findings = RuleEngine.evaluate(plan.calendar(), logged);
            return Multi.createFrom().iterable(findings)
                    .onItem().transformToUniAndConcatenate(f -> raise(plan, f, byId.get(f.tipping().activityId())))
                    .collect().asList()
                    .map(raised -> (int) raised.stream().filter(Boolean::booleanValue).count());
        });
    }

    private Uni<Boolean> raise(Plan plan, Finding finding, LedgerActivity tipping) {
        UUID alertId = RaisedAlert.id(plan.id, finding.phase(), finding.rule(), finding.severity());
        Instant now = clock.instant();
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(RAISE)
                        .setParameter("alertId", alertId)
                        .setParameter("planId", plan.id)
                        .setParameter("runnerId", plan.runnerId)
                        .setParameter("rule", finding.rule().name())
                        .setParameter("phase", finding.phase().name())
                        .setParameter("severity", finding.severity().name())
                        .setParameter("activityId", tipping.activityId)
                        .setParameter("raisedAt", now)
                        .executeUpdate())
                .chain(inserted -> inserted == 0
                        ? Uni.createFrom().item(false)
                        : outbox.stage(TOPIC, plan.runnerId, OverloadAlertRaised.TYPE, alertId.toString(),
                                event(alertId, plan, finding, tipping, now), now).replaceWith(true));
    }

    private static OverloadAlertRaised event(UUID alertId, Plan plan, Finding finding, LedgerActivity tipping, Instant now) {
        LoggedActivity activity = finding.tipping();
        return new OverloadAlertRaised(alertId, plan.id, plan.runnerId, finding.rule().name(), finding.rule().text(),
                finding.severity(), finding.phase(), finding.day(), finding.date(), finding.quantity(), finding.limit(),
                finding.actual(), plan.distanceUnit,
                new TippingActivity(activity.activityId(), activity.sport(), activity.start(), activity.durationSeconds(),
                        activity.distanceMetres()),
                tipping.acceptedAt, now);
    }
}
