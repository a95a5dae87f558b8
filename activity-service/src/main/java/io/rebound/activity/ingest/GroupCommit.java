package io.rebound.activity.ingest;

import io.opentelemetry.context.Context;
import io.quarkus.logging.Log;
import io.quarkus.opentelemetry.runtime.QuarkusContextStorage;
import io.rebound.activity.ActivityConfig;
import io.rebound.support.vertx.SafeContexts;
import io.rebound.support.work.AfterCommit;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Commits the deliveries that arrive at the same moment in one transaction. At most {@code transactions} group
 * commits run at once; a delivery arriving while they all run waits for the next one, which takes up to
 * {@code batchSize} waiting deliveries. So a quiet service commits each delivery at once, alone, and a busy one
 * commits many per transaction, without any timer. A delivery's answer comes only after the commit that holds it.
 * Within one group, deliveries run one after the other in arrival order, as if each had its own transaction after
 * the one before. When the group's transaction fails (one delivery breaking a constraint, the database going away),
 * none of it is kept and each of its deliveries is run again in a transaction of its own, so each gets its own
 * outcome or its own error.
 */
@ApplicationScoped
public class GroupCommit {

    private final Vertx vertx;
    private final int batchSize;
    private final int transactions;
    private final ConcurrentLinkedQueue<List<Pending<?>>> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger running = new AtomicInteger();

    public GroupCommit(Vertx vertx, ActivityConfig config) {
        this.vertx = vertx;
        this.batchSize = Math.max(1, config.ingest().batchSize());
        this.transactions = Math.max(1, config.ingest().transactions());
    }

    /**
     * Runs {@code work} (which must not start a transaction of its own) in a transaction, shared with other work
     * waiting at the same time; the answer comes once that transaction has committed.
     */
    public <T> Uni<T> run(Supplier<Uni<T>> work) {
        return together(List.of(work)).get(0);
    }

    /** Runs every piece of work in the same group commit, in this order (unless its transaction fails). */
    public <T> List<Uni<T>> together(List<Supplier<Uni<T>>> works) {
        List<Pending<T>> group = works.stream().map(Pending::new).toList();
        List<Uni<T>> answers = new ArrayList<>();
        // Every answer must be subscribed before the group is queued: each subscription adds its emitter.
        AtomicInteger subscribed = new AtomicInteger();
        for (Pending<T> pending : group) {
            answers.add(Uni.createFrom().<T>emitter(emitter -> {
                pending.emitter = emitter;
                pending.trace = Context.current();
                if (subscribed.incrementAndGet() == group.size()) {
                    waiting.add(List.<Pending<?>>copyOf(group));
                    startGroups();
                }
            }).memoize().indefinitely());
        }
        answers.forEach(answer -> answer.subscribe().with(ignored -> { }, ignored -> { }));
        return answers;
    }

    private void startGroups() {
        while (!waiting.isEmpty()) {
            int now = running.get();
            if (now >= transactions) {
                // A group that is running starts the next when it ends.
                return;
            }
            if (!running.compareAndSet(now, now + 1)) {
                continue;
            }
            List<Pending<?>> group = take();
            if (group.isEmpty()) {
                running.decrementAndGet();
                continue;
            }
            SafeContexts.fresh(vertx).runOnContext(ignored -> commit(group));
        }
    }

    /**
     * The next group: waiting deliveries, oldest first, up to {@code batchSize}. One taker at a time (groups end on
     * several event loops): with two, one could poll the entry the other had peeked, and that entry, taken from the
     * queue but put in no group, would never be answered.
     */
    private synchronized List<Pending<?>> take() {
        List<Pending<?>> group = new ArrayList<>();
        List<Pending<?>> next;
        while ((next = waiting.peek()) != null && (group.isEmpty() || group.size() + next.size() <= batchSize)) {
            group.addAll(waiting.poll());
        }
        return group;
    }

    private void commit(List<Pending<?>> group) {
        Object[] results = new Object[group.size()];
        AfterCommit.transaction(() -> Multi.createFrom().range(0, group.size())
                        .onItem().transformToUniAndConcatenate(i -> group.get(i).start().invoke(result -> results[i] = result))
                        .collect().last())
                .subscribe().with(ignored -> {
                    for (int i = 0; i < group.size(); i++) {
                        group.get(i).answer(results[i]);
                    }
                    done();
                }, failure -> {
                    Log.debugf("group commit of %d deliveries failed, each runs alone now: %s", group.size(),
                            failure.getMessage());
                    alone(group);
                });
    }

    /** The group's transaction failed: each delivery again, in its own transaction, one after the other. */
    private void alone(List<Pending<?>> group) {
        Multi.createFrom().iterable(group)
                .onItem().transformToUniAndConcatenate(pending -> SafeContexts.on(SafeContexts.fresh(vertx),
                        () -> AfterCommit.transaction(pending::start))
                        .onItemOrFailure().invoke(pending::settle)
                        .onFailure().recoverWithNull())
                .collect().last()
                .subscribe().with(ignored -> done(), ignored -> done());
    }

    private void done() {
        running.decrementAndGet();
        startGroups();
    }

    /** One delivery's work, its caller's trace (its outbox rows belong to it) and where its answer goes. */
    private static final class Pending<T> {

        private final Supplier<Uni<T>> work;
        private volatile UniEmitter<? super T> emitter;
        private volatile Context trace;

        Pending(Supplier<Uni<T>> work) {
            this.work = work;
        }

        /** Starts the work with the caller's trace current on this Vert.x context (so the outbox stages it). */
        Uni<T> start() {
            return Uni.createFrom().deferred(() -> {
                io.vertx.core.Context context = Vertx.currentContext();
                if (context != null) {
                    // The context is this group's alone and dropped with it; the next delivery attaches its own.
                    QuarkusContextStorage.INSTANCE.attach(context, trace);
                }
                return work.get();
            });
        }

        @SuppressWarnings("unchecked")
        void answer(Object result) {
            emitter.complete((T) result);
        }

        void settle(Object result, Throwable failure) {
            if (failure != null) {
                emitter.fail(failure);
            } else {
                answer(result);
            }
        }
    }
}
