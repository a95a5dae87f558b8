package io.rebound.support.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * How far the relay is behind, as gauges: {@code rebound_outbox_backlog} (rows not yet published) and
 * {@code rebound_outbox_oldest_age_seconds} (how long the oldest of them has waited). {@link OutboxSweeper}
 * refreshes them on its tick, so a scrape never queries the database; the age is computed at scrape time from the
 * oldest row's time, so it keeps growing while a stuck relay publishes nothing.
 */
@ApplicationScoped
public class OutboxBacklog {

    private static final String QUERY = "SELECT count(*) AS waiting, min(created_at) AS oldest FROM outbox_event"
            + " WHERE published_at IS NULL";

    private final Pool pool;
    private final Clock clock = Clock.systemUTC();
    private volatile long waiting;
    private volatile Instant oldest;

    public OutboxBacklog(Pool pool, MeterRegistry registry) {
        this.pool = pool;
        Gauge.builder("rebound.outbox.backlog", this, OutboxBacklog::waiting)
                .description("Outbox rows committed but not yet published to Kafka, as of the sweeper's last tick")
                .register(registry);
        Gauge.builder("rebound.outbox.oldest.age", this, OutboxBacklog::oldestAgeSeconds)
                .description("How long the oldest unpublished outbox row has waited; 0 when none waits")
                .baseUnit("seconds")
                .register(registry);
    }

    /** Reads the backlog again. */
    public Uni<Void> refresh() {
        return pool.query(QUERY).execute().invoke(rows -> {
            Row row = rows.iterator().next();
            OffsetDateTime first = row.getOffsetDateTime("oldest");
            waiting = row.getLong("waiting");
            oldest = first == null ? null : first.toInstant();
        }).replaceWithVoid();
    }

    public long waiting() {
        return waiting;
    }

    public double oldestAgeSeconds() {
        Instant first = oldest;
        return first == null ? 0 : Math.max(0, Duration.between(first, clock.instant()).toMillis() / 1000.0);
    }
}
