package io.rebound.plan.ledger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.rebound.plan.Plan;
import io.rebound.plan.RunnerLock;
import io.rebound.plan.alerts.AlertService;
import io.rebound.plan.alerts.RaisedAlert;
import io.rebound.plan.rules.PlanWindow;
import io.rebound.support.inbox.ProcessedEvents;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Applies a batch of activity changes to the ledger and re-evaluates the plan windows each one touches, in one
 * transaction, with the same effect as applying them one at a time in order: each event once (the
 * processed-event ledger), each runner's changes under its lock and in order, every alert a change raises or
 * withdraws staged as that change would have. The database is asked a fixed number of times per batch, not per
 * event: which events are new, the runners' locks, their plans, the activities the changes touch, the history the
 * touched windows read and the plans' alerts; the rules then run in memory, change after change, on what was read.
 */
@ApplicationScoped
public class ActivityChanges {

    static final String CONSUMER = "plan-service.activities";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);
    private static final Comparator<LedgerActivity> BY_START = Comparator.<LedgerActivity, java.time.Instant>comparing(a -> a.startTime)
            .thenComparing(a -> a.activityId);

    private final ProcessedEvents processed;
    private final Ledger ledger;
    private final AlertService alerts;

    public ActivityChanges(ProcessedEvents processed, Ledger ledger, AlertService alerts) {
        this.processed = processed;
        this.ledger = ledger;
        this.alerts = alerts;
    }

    /**
     * Applies the changes in their order, in one transaction; an event already applied (now, or earlier in the list)
     * changes nothing.
     */
    public Uni<Void> apply(List<ActivityChange> changes) {
        return Panache.withTransaction(() -> applyAll(changes));
    }

    private Uni<Void> applyAll(List<ActivityChange> changes) {
        Map<String, ActivityChange> byEvent = new LinkedHashMap<>();
        changes.forEach(change -> byEvent.putIfAbsent(change.eventId(), change));
        return processed.firstDeliveries(CONSUMER, byEvent.keySet()).chain(first -> {
            List<ActivityChange> todo = byEvent.values().stream().filter(c -> first.contains(c.eventId())).toList();
            if (todo.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            Set<String> runners = todo.stream().map(ActivityChange::runnerId).collect(Collectors.toCollection(LinkedHashSet::new));
            Set<UUID> activityIds = todo.stream().map(ActivityChange::activityId).collect(Collectors.toCollection(LinkedHashSet::new));
            return RunnerLock.takeAll(runners)
                    .chain(() -> Plan.<Plan>list("runnerId in ?1", List.copyOf(runners)))
                    .chain(plans -> ledger.byIds(activityIds).chain(known -> load(todo, plans, known)))
                    .chain(batch -> batch.applyInOrder(todo));
        });
    }

    /** Reads, in two queries, every history row and alert row the changes' evaluations can need. */
    private Uni<Batch> load(List<ActivityChange> todo, List<Plan> plans, List<LedgerActivity> known) {
        Map<String, Plan> planOf = plans.stream().collect(Collectors.toMap(p -> p.runnerId, Function.identity()));
        Map<UUID, LedgerActivity> knownById = known.stream().collect(Collectors.toMap(a -> a.activityId, Function.identity()));
        // The windows a change can touch: where its activity was before the batch, and where each change puts it.
        Set<Ledger.Range> ranges = new LinkedHashSet<>();
        for (ActivityChange change : todo) {
            Plan plan = planOf.get(change.runnerId());
            if (plan == null) {
                continue;
            }
            Set<PlanWindow> windows = new LinkedHashSet<>(AlertService.windowsOf(plan, knownById.get(change.activityId())));
            if (!change.isDeletion()) {
                windows.addAll(AlertService.windowsOf(plan, LedgerActivity.of(change.recorded())));
            }
            windows.forEach(window -> ranges.add(AlertService.rangeOf(plan, window)));
        }
        List<UUID> planIds = plans.stream().map(p -> p.id).toList();
        return ledger.within(ranges).chain(history -> alerts.alertsOf(planIds)
                .map(rows -> new Batch(planOf, known, history, rows)));
    }

    /** What the batch read, kept as each change leaves it, so the next change's evaluation sees it. */
    private final class Batch {

        private final Map<String, Plan> planOf;
        /** Every activity read or added that is still in the ledger. */
        private final Map<UUID, LedgerActivity> live = new HashMap<>();
        /** Activities deleted in this batch, not yet flushed. */
        private final Set<UUID> removed = new java.util.HashSet<>();
        private final Map<String, List<RaisedAlert>> alertsOf = new HashMap<>();

        Batch(Map<String, Plan> planOf, List<LedgerActivity> known, List<LedgerActivity> history, List<RaisedAlert> rows) {
            this.planOf = planOf;
            known.forEach(a -> live.put(a.activityId, a));
            history.forEach(a -> live.put(a.activityId, a));
            rows.forEach(row -> alertsOf.computeIfAbsent(row.planId + "/" + row.windowKey, key -> new ArrayList<>()).add(row));
        }

        Uni<Void> applyInOrder(List<ActivityChange> todo) {
            return Multi.createFrom().iterable(todo).onItem().transformToUniAndConcatenate(this::apply)
                    .collect().last().replaceWithVoid();
        }

        private Uni<Void> apply(ActivityChange change) {
            return change.isDeletion() ? deleted(change) : recorded(change);
        }

        private Uni<Void> recorded(ActivityChange change) {
            Plan plan = planOf.get(change.runnerId());
            LedgerActivity existing = live.get(change.activityId());
            LedgerActivity before;
            LedgerActivity now;
            Uni<Void> write;
            if (existing == null) {
                before = null;
                now = LedgerActivity.of(change.recorded());
                live.put(now.activityId, now);
                // Deleted earlier in this batch: its removal goes to the database first, or the two rows would clash.
                Uni<Void> flushFirst = removed.remove(now.activityId)
                        ? Panache.getSession().chain(session -> session.flush()) : Uni.createFrom().voidItem();
                write = flushFirst.chain(() -> now.persist()).replaceWithVoid();
            } else {
                before = existing.copy();
                existing.update(change.recorded());
                now = existing;
                write = Uni.createFrom().voidItem();
            }
            if (plan == null) {
                return write;
            }
            Set<PlanWindow> windows = new LinkedHashSet<>(AlertService.windowsOf(plan, before));
            windows.addAll(AlertService.windowsOf(plan, now));
            String reason = before == null ? "a new activity was logged" : "the " + describe(plan, before) + " was corrected";
            return write.chain(() -> evaluate(plan, windows, reason, before == null ? now.activityId : null, change));
        }

        private Uni<Void> deleted(ActivityChange change) {
            LedgerActivity before = live.remove(change.activityId());
            if (before == null) {
                return Uni.createFrom().voidItem();
            }
            removed.add(before.activityId);
            Plan plan = planOf.get(change.runnerId());
            Uni<Void> delete = before.delete();
            return plan == null ? delete
                    : delete.chain(() -> evaluate(plan, AlertService.windowsOf(plan, before),
                            "the " + describe(plan, before) + " was deleted", null, change));
        }

        /** Each window over the runner's activities in it as they now stand, as {@link Ledger#between} reads them. */
        private Uni<Void> evaluate(Plan plan, Set<PlanWindow> windows, String reason, UUID arrived, ActivityChange change) {
            if (windows.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return Multi.createFrom().iterable(windows).onItem().transformToUniAndConcatenate(window -> {
                Ledger.Range range = AlertService.rangeOf(plan, window);
                List<LedgerActivity> activities = live.values().stream().filter(range::holds).sorted(BY_START).toList();
                List<RaisedAlert> rows = alertsOf.computeIfAbsent(plan.id + "/" + window.key(), key -> new ArrayList<>());
                return alerts.evaluateLoaded(plan, window, activities, rows, reason, arrived, change.trace());
            }).collect().last().replaceWithVoid();
        }
    }

    private static String describe(Plan plan, LedgerActivity activity) {
        var logged = activity.toLogged();
        String kind = logged.sport().code().replace('_', ' ');
        return kind + " of " + plan.calendar().localDate(logged.start()).format(DATE);
    }
}
