package io.rebound.plan;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.rebound.events.PlanChanged;
import io.rebound.plan.alerts.AlertService;
import io.rebound.plan.api.NewPlan;
import io.rebound.support.outbox.Outbox;
import io.rebound.support.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Creates plans, announces them on {@code plans}, and checks the history the runner already logged. */
@ApplicationScoped
public class PlanService {

    public static final String TOPIC = "plans";

    private final Outbox outbox;
    private final AlertService alerts;
    private final Clock clock = Clock.systemUTC();

    public PlanService(Outbox outbox, AlertService alerts) {
        this.outbox = outbox;
        this.alerts = alerts;
    }

    @WithTransaction
    public Uni<Plan> create(NewPlan request) {
        return Plan.findByRunner(request.runnerId()).chain(existing -> {
            if (existing != null) {
                throw new ProblemException(409, "Plan exists", "runner " + request.runnerId() + " already has a plan ("
                        + existing.id + "); read it with GET /api/v1/plans/" + request.runnerId(), List.of());
            }
            Instant now = clock.instant();
            Plan plan = new Plan();
            plan.id = UUID.randomUUID();
            plan.runnerId = request.runnerId();
            plan.raceDate = request.raceDate();
            plan.timeZone = request.timeZone();
            plan.peakWeekMetres = request.peakWeek().unit().toMetres(request.peakWeek().distance());
            plan.distanceUnit = request.peakWeek().unit();
            plan.runnerName = request.runner().name().strip();
            plan.runnerEmail = request.runner().email().strip();
            plan.ptName = request.physicalTherapist().name().strip();
            plan.ptEmail = request.physicalTherapist().email().strip();
            plan.version = 1;
            plan.createdAt = now;
            plan.changedAt = now;
            return plan.<Plan>persist()
                    .chain(() -> outbox.stage(TOPIC, plan.runnerId, PlanChanged.TYPE, plan.changeEventId(), plan.toEvent(), now))
                    .chain(() -> alerts.evaluate(plan))
                    .replaceWith(plan);
        });
    }

    @WithSession
    public Uni<Plan> find(String runnerId) {
        return Plan.findByRunner(runnerId);
    }
}
