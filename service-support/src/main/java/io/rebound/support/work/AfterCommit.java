package io.rebound.support.work;

import io.quarkus.hibernate.orm.runtime.PersistenceUnitUtil;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.runtime.SessionOperations;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Commit, then wake: the code that gives a {@link WorkQueue} work inside a transaction calls {@link #wake}, and the
 * queue is woken once that transaction has committed (never before: its drain must find the rows), and not at all
 * when it rolls back. The queues are tracked on the transaction's Vert.x context by whoever opened the transaction:
 * {@link #transaction} here, or a {@code @WithTransaction} method ({@link WakeAfterCommitInterceptor}). A
 * transaction joining one already open leaves the waking to the outermost.
 */
public final class AfterCommit {

    private static final String QUEUES = "rebound.work.wake-after-commit";

    private AfterCommit() {
    }

    /** {@code Panache.withTransaction(work)} that wakes, once committed, the queues given work inside it. */
    public static <T> Uni<T> transaction(Supplier<Uni<T>> work) {
        return tracked(Vertx.currentContext(), Panache.withTransaction(work), AfterCommit::transactionOpen);
    }

    /**
     * Wakes {@code queue} once the transaction under way here has committed. Call it inside that transaction, on its
     * context, from the code that gives the queue its work.
     */
    public static void wake(WorkQueue queue) {
        Context context = Vertx.currentContext();
        Set<WorkQueue> queues = context == null ? null : context.getLocal(QUEUES);
        if (queues == null) {
            Log.warnf("%s: work given in a transaction that wakes no queue (not opened through AfterCommit or"
                    + " @WithTransaction); it waits for the sweep", queue.name());
            return;
        }
        queues.add(queue);
    }

    /**
     * The transaction, tracking the queues given work in it when it is the outermost on {@code context}: known here
     * (a tracked one is open), or told by {@code openElsewhere} (one opened without tracking, which we must not
     * outrun: its commit comes after ours would).
     */
    static <T> Uni<T> tracked(Context context, Uni<T> transaction, Supplier<Boolean> openElsewhere) {
        return Uni.createFrom().deferred(() -> {
            if (context == null || context.getLocal(QUEUES) != null || openElsewhere.get()) {
                return transaction;
            }
            Set<WorkQueue> queues = ConcurrentHashMap.newKeySet();
            context.putLocal(QUEUES, queues);
            return transaction
                    .invoke(() -> queues.forEach(WorkQueue::wakeUp))
                    .eventually(() -> {
                        if (context.getLocal(QUEUES) == queues) {
                            context.removeLocal(QUEUES);
                        }
                    });
        });
    }

    static boolean transactionOpen() {
        try {
            Mutiny.Session session = SessionOperations.getCurrentSession(PersistenceUnitUtil.DEFAULT_PERSISTENCE_UNIT_NAME);
            return session != null && session.currentTransaction() != null;
        } catch (IllegalStateException noContext) {
            return false;
        }
    }
}
