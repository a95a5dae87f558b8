package io.rebound.plan.ledger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.rebound.events.ActivityCorrected;
import io.rebound.events.ActivityDeleted;
import io.rebound.events.ActivityRecorded;
import io.rebound.events.MalformedEventException;
import io.rebound.plan.Plan;
import io.rebound.plan.RunnerLock;
import io.rebound.plan.alerts.AlertService;
import io.rebound.plan.rules.PlanWindow;
import io.rebound.support.inbox.ProcessedEvents;
import io.rebound.support.messaging.IncomingEvents;
import io.rebound.support.outbox.OutboxRelay;
import io.rebound.support.vertx.SafeContexts;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the runner's ledger in step with activity-service (recorded, corrected, deleted) and re-evaluates the
 * plan windows each change touches, exactly once per event, under the runner's lock: a plan created or changed at
 * the same moment sees the activity, or the activity sees the plan.
 */
@ApplicationScoped
public class ActivityListener {

    public static final String CHANNEL = "activities";
    private static final String CONSUMER = "plan-service.activities";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);

    private final ProcessedEvents processed;
    private final Ledger ledger;
    private final AlertService alerts;
    private final OutboxRelay relay;
    private final Vertx vertx;

    public ActivityListener(ProcessedEvents processed, Ledger ledger, AlertService alerts, OutboxRelay relay, Vertx vertx) {
        this.processed = processed;
        this.ledger = ledger;
        this.alerts = alerts;
        this.relay = relay;
        this.vertx = vertx;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        String type = IncomingEvents.typeOf(record);
        if (type.equals(ActivityRecorded.TYPE.type())) {
            var received = IncomingEvents.read(record, ActivityRecorded.TYPE);
            return once(received.id(), () -> recorded(received.event()));
        }
        if (type.equals(ActivityCorrected.TYPE.type())) {
            var received = IncomingEvents.read(record, ActivityCorrected.TYPE);
            return once(received.id(), () -> recorded(received.event().activity()));
        }
        if (type.equals(ActivityDeleted.TYPE.type())) {
            var received = IncomingEvents.read(record, ActivityDeleted.TYPE);
            return once(received.id(), () -> deleted(received.event()));
        }
        throw new MalformedEventException(type.isEmpty() ? "(no ce_type)" : type,
                new IllegalArgumentException("the activities topic carries no such event type"));
    }

    /** Applies the change in one transaction with its processed-event row; each attempt gets a fresh session. */
    private Uni<Void> once(String eventId, Supplier<Uni<Void>> change) {
        Uni<Void> apply = SafeContexts.on(SafeContexts.freshInCurrentTrace(vertx), () -> Panache.withTransaction(
                () -> processed.firstDelivery(CONSUMER, eventId)
                        .chain(first -> first ? change.get() : Uni.createFrom().voidItem())));
        return IncomingEvents.retryingTransientFailures(apply).invoke(relay::wakeUp);
    }

    private Uni<Void> recorded(ActivityRecorded activity) {
        return RunnerLock.take(activity.runnerId())
                .chain(() -> ledger.put(activity))
                .chain(before -> Plan.findByRunner(activity.runnerId()).chain(plan -> {
                    if (plan == null) {
                        return Uni.createFrom().voidItem();
                    }
                    Set<PlanWindow> windows = new LinkedHashSet<>(AlertService.windowsOf(plan, before));
                    return LedgerActivity.<LedgerActivity>findById(activity.activityId()).chain(now -> {
                        windows.addAll(AlertService.windowsOf(plan, now));
                        String reason = before == null ? "a new activity was logged"
                                : "the " + describe(plan, before) + " was corrected";
                        return alerts.evaluate(plan, windows, reason, before == null ? activity.activityId() : null);
                    });
                }));
    }

    private Uni<Void> deleted(ActivityDeleted deleted) {
        return RunnerLock.take(deleted.runnerId())
                .chain(() -> ledger.remove(deleted.activityId()))
                .chain(before -> before == null
                        ? Uni.createFrom().voidItem()
                        : Plan.findByRunner(deleted.runnerId()).chain(plan -> plan == null
                                ? Uni.createFrom().voidItem()
                                : alerts.evaluate(plan, AlertService.windowsOf(plan, before),
                                        "the " + describe(plan, before) + " was deleted", null)));
    }

    private static String describe(Plan plan, LedgerActivity activity) {
        var logged = activity.toLogged();
        String kind = logged.sport().code().replace('_', ' ');
        return kind + " of " + plan.calendar().localDate(logged.start()).format(DATE);
    }
}
