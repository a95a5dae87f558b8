package io.rebound.plan;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.rebound.events.Phase;
import io.rebound.plan.alerts.RaisedAlert;
import io.rebound.plan.ledger.Ledger;
import io.rebound.plan.ledger.LedgerActivity;
import io.rebound.plan.rules.PlanCalendar;
import io.rebound.plan.rules.PlanWindow;
import io.rebound.plan.rules.RuleEngine;
import io.rebound.plan.rules.Today;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Where a runner stands: today's allowances, and the findings of their plan. Reads only. */
@ApplicationScoped
public class RunnerStatus {

    private final Ledger ledger;
    private final Clock clock = Clock.systemUTC();

    public RunnerStatus(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Today in the runner's zone, read from the current window only (plus the lookback after day 28). */
    @WithSession
    public Uni<Today> today(Plan plan) {
        LocalDate date = clock.instant().atZone(ZoneId.of(plan.timeZone)).toLocalDate();
        PlanCalendar calendar = plan.calendar();
        int day = calendar.dayOf(date);
        PlanWindow window = PlanWindow.of(day);
        if (window == null) {
            return Uni.createFrom().item(Today.of(plan.context(), date, List.of()));
        }
        int lookback = window.phase() == Phase.COMPLETE ? RuleEngine.AFTER_PLAN_LOOKBACK_DAYS : 0;
        return ledger.between(plan.runnerId, calendar.startOf(window.firstDay() - lookback), calendar.startOf(day + 1))
                .map(activities -> Today.of(plan.context(), date, activities.stream().map(LedgerActivity::toLogged).toList()));
    }

    @WithSession
    public Uni<List<RaisedAlert>> findings(Plan plan) {
        return RaisedAlert.list("planId = ?1 order by day, rule, severity", plan.id);
    }
}
