package io.rebound.plan.ledger;

import io.rebound.events.ActivityRecorded;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The runner's activity history as plan-service keeps it. Call inside a transaction. */
@ApplicationScoped
public class Ledger {

    /** Adds the activity unless it is already there (a replay or a second publication of the same fact). */
    public Uni<Void> add(ActivityRecorded event) {
        return LedgerActivity.<LedgerActivity>findById(event.activityId())
                .chain(existing -> existing != null
                        ? Uni.createFrom().voidItem()
                        : LedgerActivity.of(event).persist().replaceWithVoid());
    }

    public Uni<List<LedgerActivity>> history(String runnerId) {
        return LedgerActivity.list("runnerId = ?1 order by startTime", runnerId);
    }
}
