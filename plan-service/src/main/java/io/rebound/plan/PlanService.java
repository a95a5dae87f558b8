package io.rebound.plan;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.rebound.events.PlanChanged;
import io.rebound.plan.alerts.AlertService;
import io.rebound.plan.ledger.Ledger;
import io.rebound.plan.ledger.LedgerActivity;
import io.rebound.plan.rules.Caps;
import io.rebound.plan.rules.PeakWeek;
import io.rebound.plan.rules.PlanCalendar;
import io.rebound.support.outbox.Outbox;
import io.rebound.support.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Creates plans and changes their caps, each under the runner's lock ({@link RunnerLock}); each change is announced on
 * {@code plans} and re-checks the history.
 */
@ApplicationScoped
public class PlanService {


    private final Outbox outbox;
    private final String topic;
    private final AlertService alerts;
    private final Ledger ledger;
    private final Clock clock = Clock.systemUTC();

    public PlanService(Outbox outbox, AlertService alerts, Ledger ledger, PlanConfig config) {
        this.topic = config.topics().plans();
        this.outbox = outbox;
        this.alerts = alerts;
        this.ledger = ledger;
    }

    @WithTransaction
    public Uni<Plan> create(PlanRequest request) {
        return RunnerLock.take(request.runnerId()).chain(() -> Plan.findByRunner(request.runnerId())).chain(existing -> {
            if (existing != null) {
                throw new ProblemException(409, "Plan exists", "runner " + request.runnerId() + " already has a plan ("
                        + existing.id + "); change its caps with PATCH /api/v1/plans/" + request.runnerId() + "/caps",
                        List.of());
            }
            Instant now = clock.instant();
            Plan plan = new Plan();
            plan.id = UUID.randomUUID();
            plan.runnerId = request.runnerId();
            plan.raceDate = request.raceDate();
            plan.timeZone = request.timeZone();
            plan.distanceUnit = request.unit();
            plan.maxHeartRate = request.maxHeartRate();
            plan.runnerName = request.runnerName().strip();
            plan.runnerEmail = request.runnerEmail().strip();
            plan.ptName = request.ptName().strip();
            plan.ptEmail = request.ptEmail().strip();
            plan.ptTimeZone = request.ptTimeZone();
            plan.ptId = request.ptId();
            plan.caps(Caps.TEMPLATE);
            plan.version = 1;
            plan.createdAt = now;
            plan.changedAt = now;
            return peakWeek(plan, request.peakWeekMetres())
                    .chain(() -> plan.<Plan>persist())
                    .chain(() -> announce(plan))
                    .chain(() -> alerts.evaluateAll(plan, "the plan was created"))
                    .replaceWith(plan);
        });
    }

    /**
     * Applies a caps change on top of the caps as they are once the runner's lock is held, so simultaneous changes
     * apply one after the other and none is lost.
     *
     * @param check refuses a change that makes no sense on top of the current caps (400)
     */
    @WithTransaction
    public Uni<Plan> changeCaps(String runnerId, CapsEdit change, String changesJson, Consumer<Caps> check) {
        return RunnerLock.take(runnerId).chain(() -> Plan.findByRunner(runnerId)).chain(plan -> {
            if (plan == null) {
                throw ProblemException.notFound("runner " + runnerId + " has no plan");
            }
            check.accept(plan.caps());
            Instant now = clock.instant();
            plan.caps(plan.caps().with(change.phases(), change.afterPlan()));
            if (change.injured() != null) {
                plan.injured = change.injured();
            }
            plan.version++;
            plan.changedAt = now;
            CapsOverride record = new CapsOverride();
            record.id = UUID.randomUUID();
            record.planId = plan.id;
            record.changedBy = change.changedBy().strip();
            record.reason = change.reason().strip();
            record.changes = changesJson;
            record.changedAt = now;
            return record.persist()
                    .chain(() -> announce(plan))
                    .chain(() -> alerts.evaluateAll(plan, "the plan's caps were changed by " + record.changedBy))
                    .replaceWith(plan);
        });
    }

    @WithSession
    public Uni<Plan> find(String runnerId) {
        return Plan.findByRunner(runnerId);
    }

    /** The plans in scope, by runner name. */
    @WithSession
    public Uni<List<Plan>> list(PlanScope scope, int limit) {
        return Plan.<Plan>find(scope.condition("") + " order by runnerName, runnerId", scope.addTo(new Parameters()))
                .range(0, limit - 1).list();
    }

    @WithSession
    public Uni<List<CapsOverride>> overrides(Plan plan) {
        return CapsOverride.list("planId = ?1 order by changedAt", plan.id);
    }

    private Uni<Void> announce(Plan plan) {
        return outbox.stage(topic, plan.runnerId, PlanChanged.TYPE, plan.changeEventId(), plan.toEvent(), plan.changedAt);
    }

    /** Takes the given peak week, or computes it from the runs of the 16 weeks before race day. */
    private Uni<Void> peakWeek(Plan plan, Double givenMetres) {
        if (givenMetres != null) {
            plan.peakWeekMetres = givenMetres;
            plan.peakWeekSource = PeakWeekSource.GIVEN;
            return Uni.createFrom().voidItem();
        }
        PlanCalendar calendar = new PlanCalendar(plan.raceDate, ZoneId.of(plan.timeZone));
        return ledger.between(plan.runnerId, calendar.startOf(-PeakWeek.BLOCK_DAYS), calendar.startOf(0)).invoke(history -> {
            double computed = PeakWeek.highestSevenDays(calendar, history.stream().map(LedgerActivity::toLogged).toList());
            if (computed <= 0) {
                throw ProblemException.invalid("peakWeek", "is needed: no runs were logged in the 16 weeks before "
                        + plan.raceDate + " to compute it from");
            }
            plan.peakWeekMetres = computed;
            plan.peakWeekSource = PeakWeekSource.COMPUTED;
        }).replaceWithVoid();
    }
}
