package io.rebound.support.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rebound.support.vertx.SafeContexts;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The tracking behind "commit, then wake", with the transaction stood in for by a Uni that completes when told (its
 * commit) or fails (its rollback). The real transactions are exercised by the services' integration tests.
 */
class AfterCommitTest {

    private final Vertx vertx = Vertx.vertx();
    private final AtomicInteger drains = new AtomicInteger();
    private final WorkQueue queue = new WorkQueue("test queue", vertx, context -> {
        drains.incrementAndGet();
        return Uni.createFrom().item(false);
    });
    private final Context context = SafeContexts.fresh(vertx);

    AfterCommitTest() {
        queue.start();
    }

    @AfterEach
    void closeVertx() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    /** A transaction that gives the queue work as it starts, and ends when its emitter is told to. */
    private Uni<String> givingWork(AtomicReference<UniEmitter<? super String>> end) {
        return Uni.createFrom().emitter(emitter -> {
            AfterCommit.wake(queue);
            end.set(emitter);
        });
    }

    private CompletableFuture<String> runOnContext(Uni<String> transaction) {
        CompletableFuture<String> outcome = new CompletableFuture<>();
        context.runOnContext(ignored -> transaction.subscribe().with(outcome::complete, outcome::completeExceptionally));
        return outcome;
    }

    @Test
    void theQueueIsWokenOnceTheTransactionHasCommittedNotBefore() {
        AtomicReference<UniEmitter<? super String>> commit = new AtomicReference<>();
        CompletableFuture<String> outcome = runOnContext(AfterCommit.tracked(context, givingWork(commit), () -> false));
        await().until(() -> commit.get() != null);
        assertThat(queue.draining()).isFalse();
        assertThat(drains).hasValue(0);

        commit.get().complete("committed");

        assertThat(outcome).succeedsWithin(java.time.Duration.ofSeconds(10)).isEqualTo("committed");
        await().until(() -> drains.get() == 1);
    }

    @Test
    void aRolledBackTransactionWakesNothing() {
        AtomicReference<UniEmitter<? super String>> end = new AtomicReference<>();
        CompletableFuture<String> outcome = runOnContext(AfterCommit.tracked(context, givingWork(end), () -> false));
        await().until(() -> end.get() != null);

        end.get().fail(new IllegalStateException("rolled back"));

        assertThat(outcome).failsWithin(java.time.Duration.ofSeconds(10));
        assertThat(queue.draining()).isFalse();
        assertThat(drains).hasValue(0);
    }

    @Test
    void aTransactionJoiningAnotherLeavesTheWakingToTheOutermost() {
        AtomicReference<UniEmitter<? super String>> inner = new AtomicReference<>();
        AtomicReference<UniEmitter<? super String>> outer = new AtomicReference<>();
        CompletableFuture<String> innerDone = new CompletableFuture<>();
        Uni<String> outermost = AfterCommit.tracked(context, Uni.createFrom().<String>emitter(outer::set)
                .onSubscription().invoke(() -> AfterCommit.tracked(context, givingWork(inner), () -> false)
                        .subscribe().with(innerDone::complete)), () -> false);
        CompletableFuture<String> outcome = runOnContext(outermost);
        await().until(() -> inner.get() != null && outer.get() != null);

        inner.get().complete("inner done");
        assertThat(innerDone).succeedsWithin(java.time.Duration.ofSeconds(10));
        assertThat(queue.draining()).isFalse();
        assertThat(drains).as("the outer transaction has not committed yet").hasValue(0);

        outer.get().complete("committed");
        assertThat(outcome).succeedsWithin(java.time.Duration.ofSeconds(10));
        await().until(() -> drains.get() == 1);
    }

    @Test
    void insideATransactionOpenedWithoutTrackingNothingIsWokenEarly() {
        AtomicReference<UniEmitter<? super String>> end = new AtomicReference<>();
        CompletableFuture<String> outcome = runOnContext(AfterCommit.tracked(context, givingWork(end), () -> true));
        await().until(() -> end.get() != null);

        end.get().complete("done, but the transaction around it has not committed");

        assertThat(outcome).succeedsWithin(java.time.Duration.ofSeconds(10));
        assertThat(queue.draining()).isFalse();
        assertThat(drains).hasValue(0);
    }

    @Test
    void theNextTransactionOnTheSameContextTracksItsOwnWork() {
        AtomicReference<UniEmitter<? super String>> first = new AtomicReference<>();
        CompletableFuture<String> firstOutcome = runOnContext(AfterCommit.tracked(context, givingWork(first), () -> false));
        await().until(() -> first.get() != null);
        first.get().fail(new IllegalStateException("rolled back"));
        assertThat(firstOutcome).failsWithin(java.time.Duration.ofSeconds(10));

        AtomicReference<UniEmitter<? super String>> second = new AtomicReference<>();
        CompletableFuture<String> secondOutcome = runOnContext(AfterCommit.tracked(context, givingWork(second), () -> false));
        await().until(() -> second.get() != null);
        second.get().complete("committed");
        assertThat(secondOutcome).succeedsWithin(java.time.Duration.ofSeconds(10));
        await().until(() -> drains.get() == 1);
    }
}
