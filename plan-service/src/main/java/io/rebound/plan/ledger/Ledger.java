package io.rebound.plan.ledger;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.rebound.events.ActivityRecorded;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** The runner's activity history as plan-service keeps it. Call inside a transaction (except {@link #recent}). */
@ApplicationScoped
public class Ledger {

    /** Adds the activity, or takes its new facts when it is already there; answers what it was before (or null). */
    public Uni<LedgerActivity> put(ActivityRecorded event) {
        return LedgerActivity.<LedgerActivity>findById(event.activityId()).chain(existing -> {
            if (existing == null) {
                return LedgerActivity.of(event).persist().replaceWith((LedgerActivity) null);
            }
            LedgerActivity before = existing.copy();
            existing.update(event);
            return Uni.createFrom().item(before);
        });
    }

    /** Removes the activity; answers what it was, or null when it was never here. */
    public Uni<LedgerActivity> remove(UUID activityId) {
        return LedgerActivity.<LedgerActivity>findById(activityId)
                .chain(existing -> existing == null
                        ? Uni.createFrom().nullItem()
                        : existing.delete().replaceWith(existing));
    }

    /**
     * The runner's activities that started in [from, to), widened by a day each side so a window read in any zone
     * misses nothing; the rules then keep those on the window's local dates. Only this range is read, so the cost
     * of an evaluation does not grow with the runner's whole history.
     */
    public Uni<List<LedgerActivity>> between(String runnerId, Instant from, Instant to) {
        return LedgerActivity.list("runnerId = ?1 and startTime >= ?2 and startTime < ?3 order by startTime", runnerId,
                from.minus(1, ChronoUnit.DAYS), to.plus(1, ChronoUnit.DAYS));
    }

    /** The runner's latest activities by start, newest first. */
    @WithSession
    public Uni<List<LedgerActivity>> recent(String runnerId, int limit) {
        return LedgerActivity.<LedgerActivity>find("runnerId = ?1 order by startTime desc, activityId", runnerId)
                .range(0, limit - 1).list();
    }
}
