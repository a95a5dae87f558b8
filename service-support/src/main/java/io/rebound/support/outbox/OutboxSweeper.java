package io.rebound.support.outbox;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

/**
 * Wakes the relay on a timer, for rows left behind by a process that crashed between commit and publish, and
 * refreshes the backlog gauges. It touches the relay only once the application has started, because the relay's
 * Kafka emitter is wired at startup.
 */
@ApplicationScoped
public class OutboxSweeper {

    private final Instance<OutboxRelay> relay;
    private final OutboxBacklog backlog;
    private volatile boolean started;

    public OutboxSweeper(Instance<OutboxRelay> relay, OutboxBacklog backlog) {
        this.relay = relay;
        this.backlog = backlog;
    }

    /** Runs after messaging has connected its channels (its own startup observer comes first). */
    void onStart(@Observes StartupEvent event) {
        started = true;
    }

    @Scheduled(every = "${rebound.outbox.sweep-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        if (started) {
            relay.get().wakeUp();
            backlog.refresh().subscribe().with(ignored -> { }, failure ->
                    Log.debugf("outbox backlog: cannot read it now: %s", failure.getMessage()));
        }
    }
}
