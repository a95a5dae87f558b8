package io.rebound.plan.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.rebound.events.AlertAcknowledged;
import io.rebound.events.EventJson;
import io.rebound.events.OverloadAlertRaised.TippingActivity;
import io.rebound.events.Severity;
import io.rebound.plan.Plan;
import io.rebound.plan.PlanConfig;
import io.rebound.plan.PlanScope;
import io.rebound.plan.RunnerLock;
import io.rebound.plan.ledger.LedgerActivity;
import io.rebound.support.outbox.Outbox;
import io.rebound.support.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The alerts PTs (and runners, and admins) see: those raised and those withdrawn after, never a SUPERSEDED WARNING
 * or a NOTED ADVISORY, which nobody was told of. Acknowledging one is announced on {@code alerts} through the
 * outbox, in the same transaction.
 */
@ApplicationScoped
public class AlertInbox {

    private static final List<AlertState> SHOWN = List.of(AlertState.RAISED, AlertState.WITHDRAWN);

    private final Outbox outbox;
    private final String topic;
    private final Clock clock = Clock.systemUTC();

    public AlertInbox(Outbox outbox, PlanConfig config) {
        this.topic = config.topics().alerts();
        this.outbox = outbox;
    }

    /** Which alerts a listing keeps, besides the caller's scope. */
    public enum Show {
        /** Raised and not acknowledged. */
        OPEN,
        /** Raised and acknowledged. */
        ACKNOWLEDGED,
        /** Withdrawn, acknowledged before or not. */
        WITHDRAWN
    }

    /**
     * @param runnerId only this runner's alerts; null for all in scope
     * @param severity only this severity; null for any
     * @param show     only these; null for all
     */
    public record Filter(String runnerId, Severity severity, Show show, int limit) {
    }

    /** An alert with its plan and the activity that tipped it. */
    public record Shown(RaisedAlert alert, Plan plan, TippingActivity activity) {
    }

    /**
     * @param unacknowledged raised alerts in the caller's scope that nobody has acknowledged, whatever the filter
     */
    public record Listed(List<Shown> alerts, long unacknowledged) {
    }

    /** The alerts in scope that pass the filter, newest first. */
    @WithSession
    public Uni<Listed> list(PlanScope scope, Filter filter) {
        StringBuilder where = new StringBuilder("state in :shown and ").append(scope.onPlanId());
        Parameters parameters = scope.addTo(Parameters.with("shown", SHOWN));
        if (filter.runnerId() != null) {
            where.append(" and runnerId = :runnerId");
            parameters.and("runnerId", filter.runnerId());
        }
        if (filter.severity() != null) {
            where.append(" and severity = :severity");
            parameters.and("severity", filter.severity());
        }
        if (filter.show() != null) {
            where.append(switch (filter.show()) {
                case OPEN -> " and state = :raised and acknowledgedAt is null";
                case ACKNOWLEDGED -> " and state = :raised and acknowledgedAt is not null";
                case WITHDRAWN -> " and state = :withdrawn";
            });
            parameters.and(filter.show() == Show.WITHDRAWN ? "withdrawn" : "raised",
                    filter.show() == Show.WITHDRAWN ? AlertState.WITHDRAWN : AlertState.RAISED);
        }
        Uni<Long> unacknowledged = RaisedAlert.count("state = :raised and acknowledgedAt is null and " + scope.onPlanId(),
                scope.addTo(Parameters.with("raised", AlertState.RAISED)));
        return RaisedAlert.<RaisedAlert>find(where + " order by raisedAt desc, alertId", parameters)
                .range(0, filter.limit() - 1).list()
                .chain(this::shown)
                .chain(alerts -> unacknowledged.map(count -> new Listed(alerts, count)));
    }

    /** The alert, when it is shown and in scope; null otherwise, unknown or not. */
    @WithSession
    public Uni<Shown> find(PlanScope scope, UUID alertId) {
        return RaisedAlert.<RaisedAlert>findById(alertId)
                .chain(alert -> alert == null || !SHOWN.contains(alert.state) ? Uni.createFrom().<Shown>nullItem()
                        : shown(List.of(alert)).map(list -> scope.sees(list.get(0).plan()) ? list.get(0) : null));
    }

    /**
     * Acknowledges a raised alert and stages {@link AlertAcknowledged}, in one transaction. 404 when it is not in
     * scope (as for one that does not exist), 403 when the caller sees it but {@code mayAcknowledge} says no, 409
     * when it was acknowledged already or withdrawn.
     *
     * @param by   the caller's subject
     * @param note what they wrote; null or blank for nothing
     */
    @WithTransaction
    public Uni<Shown> acknowledge(PlanScope scope, Predicate<Plan> mayAcknowledge, UUID alertId, String by, String note) {
        // The runner's lock first, as every evaluation takes it: a withdrawal at the same moment cannot overwrite this.
        return Panache.getSession()
                .chain(session -> session.createSelectionQuery("select runnerId from RaisedAlert where alertId = :id",
                        String.class).setParameter("id", alertId).getSingleResultOrNull())
                .chain(runnerId -> runnerId == null ? Uni.createFrom().voidItem() : RunnerLock.take(runnerId))
                .chain(() -> RaisedAlert.<RaisedAlert>findById(alertId, LockModeType.PESSIMISTIC_WRITE)).chain(alert -> {
            if (alert == null || !SHOWN.contains(alert.state)) {
                throw notFound(alertId);
            }
            return Plan.<Plan>findById(alert.planId).chain(plan -> {
                if (!scope.sees(plan)) {
                    throw notFound(alertId);
                }
                if (!mayAcknowledge.test(plan)) {
                    throw ProblemException.forbidden("only the runner's PT or an admin may acknowledge alert " + alertId);
                }
                if (alert.state == AlertState.WITHDRAWN) {
                    throw new ProblemException(409, "Alert withdrawn", "alert " + alertId + " was withdrawn at "
                            + alert.updatedAt + ": it no longer holds, so there is nothing to acknowledge", List.of());
                }
                if (alert.acknowledgedAt != null) {
                    throw new ProblemException(409, "Already acknowledged", "alert " + alertId + " was acknowledged by "
                            + alert.acknowledgedBy + " at " + alert.acknowledgedAt, List.of());
                }
                Instant now = clock.instant();
                alert.acknowledgedBy = by;
                alert.acknowledgedNote = note == null || note.isBlank() ? null : note.strip();
                alert.acknowledgedAt = now;
                alert.updatedAt = now;
                AlertAcknowledged event = new AlertAcknowledged(alert.alertId, alert.planId, alert.runnerId, alert.severity,
                        by, alert.acknowledgedNote, now);
                return outbox.stage(topic, alert.runnerId, AlertAcknowledged.TYPE, event.eventId(), event, now)
                        .chain(() -> shown(List.of(alert)))
                        .map(list -> list.get(0));
            });
        });
    }

    public static ProblemException notFound(UUID alertId) {
        return ProblemException.notFound("no alert " + alertId + " among the alerts you may see");
    }

    /** The alerts with their plans and tipping activities, in the order given. */
    private Uni<List<Shown>> shown(List<RaisedAlert> alerts) {
        if (alerts.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> planIds = alerts.stream().map(a -> a.planId).distinct().toList();
        List<UUID> unrecorded = alerts.stream().filter(a -> a.activityJson == null).map(a -> a.activityId).distinct().toList();
        Uni<List<LedgerActivity>> ledger = unrecorded.isEmpty() ? Uni.createFrom().item(List.of())
                : LedgerActivity.list("activityId in ?1", unrecorded);
        return Plan.<Plan>list("id in ?1", planIds).chain(plans -> ledger.map(activities -> {
            Map<UUID, Plan> byId = plans.stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
            Map<UUID, LedgerActivity> logged = activities.stream()
                    .collect(Collectors.toMap(a -> a.activityId, Function.identity()));
            List<Shown> shown = new ArrayList<>(alerts.size());
            for (RaisedAlert alert : alerts) {
                shown.add(new Shown(alert, byId.get(alert.planId), activity(alert, logged.get(alert.activityId))));
            }
            return shown;
        }));
    }

    /** As the raise carried it; for an alert raised before that was kept, from the ledger (null once deleted). */
    private static TippingActivity activity(RaisedAlert alert, LedgerActivity logged) {
        if (alert.activityJson != null) {
            return read(alert.activityJson, TippingActivity.class);
        }
        if (logged == null) {
            return null;
        }
        var activity = logged.toLogged();
        return new TippingActivity(activity.activityId(), activity.sport(), activity.start(), activity.durationSeconds(),
                activity.distanceMetres());
    }

    /** One part of a raise kept as JSON, in the events' own form. */
    public static <T> T read(String json, Class<T> type) {
        try {
            return json == null ? null : EventJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a kept " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
