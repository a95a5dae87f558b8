package io.rebound.support.work;

import io.quarkus.logging.Log;
import io.rebound.support.vertx.SafeContexts;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A queue of claimed work in the database, drained one batch after another: the outbox relay, the email sender and
 * the fetch worker are each one of these with their own claim and their own work. One drain runs at a time; a
 * wake-up during a drain makes it go round once more when it ends, so work committed meanwhile is never left
 * waiting for the sweep. Each drain runs on a fresh Vert.x context, and goes on while its batches say more may be
 * waiting. A failed drain is logged and ends; the next wake-up (at the latest the owner's sweep) tries again.
 * Several instances can drain side by side when the claim uses {@code FOR UPDATE SKIP LOCKED}.
 */
public final class WorkQueue {

    /** One batch: claim work and do it. */
    @FunctionalInterface
    public interface Batch {

        /**
         * Claims a batch and works it, on the drain's own context (this is called on it).
         *
         * @return whether more may be waiting (the batch came full), so the drain goes on with the next batch
         */
        Uni<Boolean> run(Context context);
    }

    private final String name;
    private final Vertx vertx;
    private final Batch batch;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean running;

    /**
     * A queue that drains nothing until {@link #start()}.
     *
     * @param name how log lines name it, e.g. {@code outbox relay}
     */
    public WorkQueue(String name, Vertx vertx, Batch batch) {
        this.name = name;
        this.vertx = vertx;
        this.batch = batch;
    }

    /** Wake-ups drain from now on. */
    public void start() {
        running = true;
    }

    /**
     * Starts no new drain or batch from now on, then waits up to {@code wait} for a batch in flight to end.
     *
     * @return whether no batch was in flight any more when it returned
     */
    public boolean stop(Duration wait) throws InterruptedException {
        running = false;
        Instant deadline = Instant.now().plus(wait);
        while (draining.get() && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        return !draining.get();
    }

    /** Works through what is waiting, soon; ignored before {@link #start()} and after {@link #stop}. */
    public void wakeUp() {
        if (!running) {
            return;
        }
        if (!draining.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        again.set(false);
        Context context = SafeContexts.fresh(vertx);
        context.runOnContext(ignored -> batches(context).subscribe().with(done -> finish(), failure -> {
            Log.warnf("%s: %s; will retry", name, failure.getMessage());
            finish();
        }));
    }

    /** Whether a drain is under way. */
    public boolean draining() {
        return draining.get();
    }

    public String name() {
        return name;
    }

    private Uni<Void> batches(Context context) {
        return SafeContexts.on(context, () -> batch.run(context))
                .chain(more -> more && running ? batches(context) : Uni.createFrom().voidItem());
    }

    private void finish() {
        draining.set(false);
        if (again.getAndSet(false)) {
            wakeUp();
        }
    }
}
