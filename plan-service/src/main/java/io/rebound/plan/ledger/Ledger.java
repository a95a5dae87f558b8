package io.rebound.plan.ledger;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.rebound.events.ActivityRecorded;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashSet;
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
        Range range = Range.of(runnerId, from, to);
        return LedgerActivity.list("runnerId = ?1 and startTime >= ?2 and startTime < ?3 order by startTime", runnerId,
                range.from(), range.to());
    }

    /** The activities of these ids that are here, in one query. */
    public Uni<List<LedgerActivity>> byIds(Collection<UUID> activityIds) {
        return activityIds.isEmpty() ? Uni.createFrom().item(List.of())
                : LedgerActivity.list("activityId in ?1", List.copyOf(activityIds));
    }

    /** What {@link #between} reads for each of these ranges, in one query (an activity in several ranges once). */
    public Uni<List<LedgerActivity>> within(Collection<Range> ranges) {
        List<Range> distinct = List.copyOf(new LinkedHashSet<>(ranges));
        if (distinct.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < distinct.size(); i++) {
            where.append(i == 0 ? "" : " or ").append("(runnerId = :r").append(i).append(" and startTime >= :f").append(i)
                    .append(" and startTime < :t").append(i).append(")");
        }
        Parameters parameters = new Parameters();
        for (int i = 0; i < distinct.size(); i++) {
            parameters.and("r" + i, distinct.get(i).runnerId()).and("f" + i, distinct.get(i).from()).and("t" + i, distinct.get(i).to());
        }
        return LedgerActivity.list(where.toString(), parameters);
    }

    /**
     * The part of a runner's history an evaluation reads: [from, to) widened by a day each side, so a window read in
     * any zone misses nothing.
     */
    public record Range(String runnerId, Instant from, Instant to) {

        /** The range {@link #between} reads for [from, to). */
        public static Range of(String runnerId, Instant from, Instant to) {
            return new Range(runnerId, from.minus(1, ChronoUnit.DAYS), to.plus(1, ChronoUnit.DAYS));
        }

        public boolean holds(LedgerActivity activity) {
            return activity.runnerId.equals(runnerId) && !activity.startTime.isBefore(from) && activity.startTime.isBefore(to);
        }
    }

    /** The runner's latest activities by start, newest first. */
    @WithSession
    public Uni<List<LedgerActivity>> recent(String runnerId, int limit) {
        return LedgerActivity.<LedgerActivity>find("runnerId = ?1 order by startTime desc, activityId", runnerId)
                .range(0, limit - 1).list();
    }
}
