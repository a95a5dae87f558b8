package io.rebound.plan;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

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
}
