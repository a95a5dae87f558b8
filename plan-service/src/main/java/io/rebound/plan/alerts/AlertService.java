package io.rebound.plan.alerts;

import io.opentelemetry.context.Scope;
import io.rebound.events.AlertWithdrawn;
import io.rebound.events.EventJson;
import io.rebound.events.EventType;
import io.rebound.events.OverloadAlertRaised;
import io.rebound.events.OverloadAlertRaised.TippingActivity;
import io.rebound.events.OverloadAlertRaised.TodayAllowance;
import io.rebound.events.OverloadAlertRaised.WindowRunning;
import io.rebound.events.Phase;
import io.rebound.events.Severity;
import io.rebound.plan.Plan;
import io.rebound.plan.PlanConfig;
import io.rebound.plan.ledger.Ledger;
import io.rebound.plan.ledger.LedgerActivity;
import io.rebound.plan.rules.Finding;
import io.rebound.plan.rules.LoggedActivity;
import io.rebound.plan.rules.PlanCalendar;
import io.rebound.plan.rules.PlanWindow;
import io.rebound.plan.rules.RuleEngine;
import io.rebound.support.outbox.Outbox;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Evaluates plan windows and keeps their alerts in step with the findings, in the caller's transaction: a new
 * crossing is raised once (its event goes through the outbox), an escalation to OVERLOAD is raised again, and a
 * finding that no longer holds is withdrawn.
 */
@ApplicationScoped
public class AlertService {


    private final Ledger ledger;
    private final Outbox outbox;
    private final String topic;
    private final AlertMetrics metrics;
    private final Clock clock = Clock.systemUTC();

    public AlertService(Ledger ledger, Outbox outbox, AlertMetrics metrics, PlanConfig config) {
        this.topic = config.topics().alerts();
        this.ledger = ledger;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    /** The window an activity of the ledger counts in for this plan; none for race day and before, or no activity. */
    public static Set<PlanWindow> windowsOf(Plan plan, LedgerActivity activity) {
        if (activity == null) {
            return Set.of();
        }
        PlanWindow window = PlanWindow.of(plan.calendar().dayOf(activity.toLogged().start()));
        return window == null ? Set.of() : Set.of(window);
    }

    /** Every window from day 1 up to today that holds an activity: what a new or changed plan must look at. */
    public Uni<Void> evaluateAll(Plan plan, String reason) {
        PlanCalendar calendar = plan.calendar();
        return ledger.between(plan.runnerId, calendar.startOf(1), clock.instant()).chain(history -> {
            Map<String, PlanWindow> windows = new TreeMap<>();
            for (LedgerActivity activity : history) {
                windowsOf(plan, activity).forEach(w -> windows.put(w.key(), w));
            }
            return evaluate(plan, windows.values(), reason, null);
        });
    }

    /**
     * Re-evaluates the given windows.
     *
     * @param reason  why, in words for a withdrawal: "the run of 3 November was deleted"
     * @param arrived the activity whose arrival asks for this, when it is one that was just recorded: the alerts it
     *                tips over are timed from its acceptance (null for corrections, deletions, plan and caps changes)
     */
    public Uni<Void> evaluate(Plan plan, Collection<PlanWindow> windows, String reason, UUID arrived) {
        return Multi.createFrom().iterable(windows)
                .onItem().transformToUniAndConcatenate(window -> evaluate(plan, window, reason, arrived))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> evaluate(Plan plan, PlanWindow window, String reason, UUID arrived) {
        Ledger.Range range = rangeOf(plan, window);
        return ledger.between(plan.runnerId, range.from(), range.to())
                .chain(activities -> RaisedAlert.<RaisedAlert>list("planId = ?1 and windowKey = ?2", plan.id, window.key())
                        .chain(existing -> evaluateLoaded(plan, window, activities, new ArrayList<>(existing), reason, arrived, null)));
    }

    /** The part of the runner's history an evaluation of the window reads (what {@link Ledger#between} is asked). */
    public static Ledger.Range rangeOf(Plan plan, PlanWindow window) {
        PlanCalendar calendar = plan.calendar();
        int lookback = window.phase() == Phase.COMPLETE ? RuleEngine.AFTER_PLAN_LOOKBACK_DAYS : 0;
        return Ledger.Range.of(plan.runnerId, calendar.startOf(window.firstDay() - lookback), calendar.startOf(window.lastDay() + 1));
    }

    /** Every alert row of these plans, in one query: what {@link #evaluateLoaded} is given, window by window. */
    public Uni<List<RaisedAlert>> alertsOf(Collection<UUID> planIds) {
        return planIds.isEmpty() ? Uni.createFrom().item(List.of())
                : RaisedAlert.list("planId in ?1", List.copyOf(planIds));
    }

    /**
     * Evaluates the window over activities already read, as {@link #evaluate(Plan, Collection, String, UUID)} does
     * after reading them: for a caller that read many windows at once and applies several changes in turn.
     *
     * @param activities what {@link #rangeOf} covers of the runner's ledger as it now stands, by start time
     * @param alerts     the window's alert rows; a row raised now is added to it, so the next evaluation sees it
     * @param trace      the trace the change arrived in, which the staged events carry; null for the current one
     */
    public Uni<Void> evaluateLoaded(Plan plan, PlanWindow window, List<LedgerActivity> activities, List<RaisedAlert> alerts,
            String reason, UUID arrived, io.opentelemetry.context.Context trace) {
        PlanCalendar calendar = plan.calendar();
        Map<UUID, LedgerActivity> byId = activities.stream()
                .collect(Collectors.toMap(a -> a.activityId, Function.identity()));
        List<LoggedActivity> logged = activities.stream().map(LedgerActivity::toLogged).toList();
        List<Finding> findings = RuleEngine.evaluate(plan.context(), window, logged);
        Guidance guidance = new Guidance(
                AlertGuidance.today(plan.context(), window, clock.instant().atZone(calendar.zone()).toLocalDate(), logged),
                AlertGuidance.running(plan.context(), window, logged));
        return reconcile(plan, findings, alerts, byId, guidance, reason, arrived, trace);
    }

    private Uni<Void> reconcile(Plan plan, List<Finding> findings, List<RaisedAlert> existing,
            Map<UUID, LedgerActivity> activities, Guidance guidance, String reason, UUID arrived,
            io.opentelemetry.context.Context trace) {
        Instant now = clock.instant();
        Map<String, RaisedAlert> known = existing.stream().collect(Collectors.toMap(RaisedAlert::key, Function.identity()));
        Set<String> holding = findings.stream().map(f -> f.rule() + "/" + f.severity()).collect(Collectors.toSet());
        List<Finding> fresh = findings.stream()
                .filter(f -> !known.containsKey(f.rule() + "/" + f.severity())
                        || known.get(f.rule() + "/" + f.severity()).state == AlertState.WITHDRAWN)
                .sorted(Comparator.comparing(Finding::severity).reversed())
                .toList();
        Set<String> overloadsRaisedNow = fresh.stream().filter(f -> f.severity() == Severity.OVERLOAD)
                .map(f -> f.rule().name()).collect(Collectors.toSet());

        List<Uni<Void>> steps = new ArrayList<>();
        List<RaisedAlert> added = new ArrayList<>();
        for (Finding finding : fresh) {
            RaisedAlert row = known.getOrDefault(finding.rule() + "/" + finding.severity(), new RaisedAlert());
            boolean isNew = row.alertId == null;
            fill(row, plan, finding, now);
            if (finding.severity() == Severity.ADVISORY) {
                row.state = AlertState.NOTED;
            } else if (finding.severity() == Severity.WARNING && overloadsRaisedNow.contains(finding.rule().name())) {
                row.state = AlertState.SUPERSEDED;
            } else {
                row.state = AlertState.RAISED;
            }
            if (isNew) {
                added.add(row);
            }
            Uni<Void> store = isNew ? row.persist().replaceWithVoid() : Uni.createFrom().voidItem();
            metrics.finding(finding);
            if (row.state == AlertState.RAISED) {
                LedgerActivity tipping = activities.get(finding.tipping().activityId());
                OverloadAlertRaised event = raised(row, plan, finding, tipping, guidance, now);
                keep(row, event, isNew);
                metrics.raised(finding, finding.tipping().activityId().equals(arrived) ? tipping.acceptedAt : null, now);
                // The alert id names the first raise; raising it again after a withdrawal is a new fact.
                String eventId = isNew ? row.alertId.toString() : row.alertId + ":raised:" + now.toEpochMilli();
                steps.add(store.chain(() -> stage(trace, plan, OverloadAlertRaised.TYPE, eventId, event, now)));
            } else {
                steps.add(store);
            }
        }
        for (RaisedAlert row : existing) {
            if (holding.contains(row.key()) || row.state == AlertState.WITHDRAWN) {
                continue;
            }
            AlertState before = row.state;
            row.state = AlertState.WITHDRAWN;
            row.updatedAt = now;
            if (before == AlertState.RAISED) {
                AlertWithdrawn event = new AlertWithdrawn(row.alertId, plan.id, plan.runnerId, row.rule.name(),
                        row.ruleText, row.severity, row.phase, reason, now);
                steps.add(stage(trace, plan, AlertWithdrawn.TYPE, event.eventId(), event, now));
            }
        }
        existing.addAll(added);
        return steps.isEmpty()
                ? Uni.createFrom().voidItem()
                : Multi.createFrom().iterable(steps).onItem().transformToUniAndConcatenate(step -> step)
                        .collect().last().replaceWithVoid();
    }

    /** Stages the event with the trace it belongs to (made current just while the row is built). */
    private <T> Uni<Void> stage(io.opentelemetry.context.Context trace, Plan plan, EventType<T> type, String eventId, T event,
            Instant now) {
        if (trace == null) {
            return outbox.stage(topic, plan.runnerId, type, eventId, event, now);
        }
        try (Scope ignored = trace.makeCurrent()) {
            return outbox.stage(topic, plan.runnerId, type, eventId, event, now);
        }
    }

    private static void fill(RaisedAlert row, Plan plan, Finding finding, Instant now) {
        row.alertId = RaisedAlert.id(plan.id, finding.window(), finding.rule(), finding.severity());
        row.planId = plan.id;
        row.runnerId = plan.runnerId;
        row.windowKey = finding.window().key();
        row.phase = finding.phase();
        row.rule = finding.rule();
        row.ruleText = finding.ruleText();
        row.severity = finding.severity();
        row.quantity = finding.quantity();
        row.limitValue = finding.limit();
        row.actualValue = finding.actual();
        row.day = finding.day();
        row.localDate = finding.date();
        row.activityId = finding.tipping().activityId();
        if (row.raisedAt == null) {
            row.raisedAt = now;
        }
        row.updatedAt = now;
    }

    /**
     * Keeps what the raise carries, for the API to show as the emails did. Raised again after a withdrawal, the
     * alert is a new fact: an acknowledgement of the earlier raise does not cover it.
     */
    private static void keep(RaisedAlert row, OverloadAlertRaised event, boolean isNew) {
        row.activityJson = EventJson.write(event.activity());
        row.runningJson = event.running() == null ? null : EventJson.write(event.running());
        row.todayJson = event.today() == null ? null : EventJson.write(event.today());
        if (!isNew) {
            row.acknowledgedBy = null;
            row.acknowledgedNote = null;
            row.acknowledgedAt = null;
        }
    }

    private static OverloadAlertRaised raised(RaisedAlert row, Plan plan, Finding finding, LedgerActivity tipping,
            Guidance guidance, Instant now) {
        LoggedActivity activity = finding.tipping();
        return new OverloadAlertRaised(row.alertId, plan.id, plan.runnerId, finding.rule().name(), finding.ruleText(),
                finding.severity(), finding.phase(), finding.day(), finding.date(), finding.quantity(), finding.limit(),
                finding.actual(), plan.distanceUnit,
                new TippingActivity(activity.activityId(), activity.sport(), activity.start(), activity.durationSeconds(),
                        activity.distanceMetres()),
                tipping.acceptedAt, now, guidance.today(), guidance.running());
    }

    /** What every alert of one window evaluation carries for the emails. */
    private record Guidance(TodayAllowance today, WindowRunning running) {
    }
}
