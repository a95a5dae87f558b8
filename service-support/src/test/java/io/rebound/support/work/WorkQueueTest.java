package io.rebound.support.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkQueueTest {

    private final Vertx vertx = Vertx.vertx();
    private final AtomicInteger runs = new AtomicInteger();
    /** One gate per batch, in order: a batch ends when its gate completes, with whether more may be waiting. */
    private final List<CompletableFuture<Boolean>> gates = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeVertx() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private WorkQueue gatedQueue() {
        return new WorkQueue("test queue", vertx, context -> {
            CompletableFuture<Boolean> gate = new CompletableFuture<>();
            gates.add(gate);
            runs.incrementAndGet();
            return Uni.createFrom().completionStage(gate);
        });
    }

    /** A started queue, just woken: its first batch is under way, or about to be. */
    private WorkQueue wokenQueue() {
        WorkQueue queue = gatedQueue();
        queue.start();
        queue.wakeUp();
        return queue;
    }

    private CompletableFuture<Boolean> gate(int batch) {
        await().until(() -> gates.size() > batch);
        return gates.get(batch);
    }

    @Test
    void aWakeUpDuringADrainMakesItGoRoundOnceMore() {
        WorkQueue queue = wokenQueue();
        CompletableFuture<Boolean> first = gate(0);
        queue.wakeUp();
        queue.wakeUp();
        assertThat(runs).hasValue(1);

        first.complete(false);
        gate(1).complete(false);

        await().until(() -> !queue.draining());
        assertThat(runs).as("two wake-ups during one drain make one more drain, not two").hasValue(2);
    }

    @Test
    void aWakeUpWhileIdleStartsADrain() {
        WorkQueue queue = wokenQueue();
        gate(0).complete(false);
        await().until(() -> !queue.draining());
        queue.wakeUp();
        gate(1).complete(false);
        await().until(() -> !queue.draining());
        assertThat(runs).hasValue(2);
    }

    @Test
    void fullBatchesGoRoundAgainUntilOneIsNot() {
        WorkQueue queue = wokenQueue();
        gate(0).complete(true);
        gate(1).complete(true);
        gate(2).complete(false);
        await().until(() -> !queue.draining());
        assertThat(runs).hasValue(3);
    }

    @Test
    void aFailingBatchIsLoggedAndTheQueueKeepsWorking() {
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(WorkQueue.class.getName());
        logger.addHandler(handler);
        try {
            AtomicInteger calls = new AtomicInteger();
            WorkQueue queue = new WorkQueue("test queue", vertx, context -> calls.incrementAndGet() == 1
                    ? Uni.createFrom().failure(new IllegalStateException("the database went away"))
                    : Uni.createFrom().item(false));
            queue.start();
            queue.wakeUp();
            await().until(() -> !queue.draining() && calls.get() == 1);
            await().until(() -> logged.stream().anyMatch(record -> format(record).contains("test queue")
                    && format(record).contains("the database went away")));

            queue.wakeUp();
            await().until(() -> !queue.draining() && calls.get() == 2);
        } finally {
            logger.removeHandler(handler);
        }
    }

    private static String format(LogRecord record) {
        Object[] parameters = record.getParameters();
        return parameters == null ? record.getMessage() : String.format(record.getMessage(), parameters);
    }

    @Test
    void nothingDrainsBeforeStart() {
        WorkQueue queue = gatedQueue();
        queue.wakeUp();
        assertThat(queue.draining()).isFalse();
        assertThat(gates).isEmpty();
    }

    @Test
    void stopStartsNoNewDrainAndNoFurtherBatch() throws InterruptedException {
        WorkQueue queue = wokenQueue();
        CompletableFuture<Boolean> first = gate(0);

        assertThat(queue.stop(Duration.ZERO)).as("a batch is in flight").isFalse();
        queue.wakeUp();
        first.complete(true);
        await().until(() -> !queue.draining());
        assertThat(runs).as("neither the full batch nor the wake-up after stop starts another").hasValue(1);

        queue.wakeUp();
        assertThat(queue.draining()).isFalse();
        assertThat(runs).hasValue(1);
    }

    @Test
    void stopWaitsForTheBatchInFlight() throws InterruptedException {
        WorkQueue queue = wokenQueue();
        CompletableFuture<Boolean> first = gate(0);
        vertx.setTimer(50, ignored -> first.complete(false));
        assertThat(queue.stop(Duration.ofSeconds(30))).isTrue();
        assertThat(queue.draining()).isFalse();
    }
}
