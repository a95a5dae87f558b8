package io.rebound.plan;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * One lock per runner, held until the current transaction ends: every change to a runner's plan or alerts (creating
 * the plan, changing its caps, applying an activity, acknowledging an alert) takes it first, so changes to one runner
 * apply one after the other, each reading what the one before committed. A PostgreSQL advisory lock rather than a
 * row lock because creating a plan has no row to lock yet.
 */
public final class RunnerLock {

    /** The first half of the lock's key, so these locks cannot meet another use of advisory locks. */
    private static final int NAMESPACE = 0x504c414e;

    private static final String TAKE = "SELECT 1 FROM pg_advisory_xact_lock(:namespace, hashtext(:runnerId))";

    private RunnerLock() {
    }

    /** Waits for the runner's lock in the current transaction; two runners whose ids hash alike merely wait in turn. */
    public static Uni<Void> take(String runnerId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(TAKE, Integer.class)
                        .setParameter("namespace", NAMESPACE)
                        .setParameter("runnerId", runnerId)
                        .getSingleResult())
                .replaceWithVoid();
    }

    /**
     * Waits for the locks of all these runners in one statement, taken in the order of their keys: two transactions
     * locking overlapping sets take them in the same order, so neither holds one the other waits for first.
     */
    public static Uni<Void> takeAll(Collection<String> runnerIds) {
        List<String> runners = List.copyOf(new TreeSet<>(runnerIds));
        if (runners.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < runners.size(); i++) {
            values.append(i == 0 ? "" : ", ").append("(:r").append(i).append(")");
        }
        String sql = "SELECT count(*) FROM (SELECT DISTINCT hashtext(r) AS k FROM (VALUES " + values
                + ") AS runner(r) ORDER BY k) AS keys, LATERAL pg_advisory_xact_lock(:namespace, keys.k)";
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Long.class).setParameter("namespace", NAMESPACE);
            for (int i = 0; i < runners.size(); i++) {
                query.setParameter("r" + i, runners.get(i));
            }
            return query.getSingleResult();
        }).replaceWithVoid();
    }
}
