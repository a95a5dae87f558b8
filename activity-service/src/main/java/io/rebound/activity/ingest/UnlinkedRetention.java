package io.rebound.activity.ingest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.rebound.activity.ActivityConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/**
 * What a provider user sent before anyone linked them (webhook receipts and fetch jobs waiting for a link) is kept
 * so it can be applied at link time, but not for ever: at most {@code rebound.activity.unlinked.max-age}, and at most
 * {@code rebound.activity.unlinked.max-per-user} per provider user (the newest). Summaries refused on their own are
 * kept as long. A scheduled sweep deletes the rest.
 */
@ApplicationScoped
public class UnlinkedRetention {

    private static final String OLD_RECEIPTS = "DELETE FROM webhook_receipt WHERE state = 'UNLINKED' AND received_at < :cutoff";
    private static final String EXCESS_RECEIPTS = "DELETE FROM webhook_receipt WHERE id IN (SELECT id FROM (SELECT id,"
            + " row_number() OVER (PARTITION BY provider, provider_user_id ORDER BY received_at DESC, id) AS n"
            + " FROM webhook_receipt WHERE state = 'UNLINKED') ranked WHERE n > :max)";
    private static final String OLD_JOBS = "DELETE FROM fetch_job WHERE state = 'UNLINKED' AND created_at < :cutoff";
    private static final String EXCESS_JOBS = "DELETE FROM fetch_job WHERE id IN (SELECT id FROM (SELECT id,"
            + " row_number() OVER (PARTITION BY provider, provider_user_id ORDER BY created_at DESC, id) AS n"
            + " FROM fetch_job WHERE state = 'UNLINKED') ranked WHERE n > :max)";
    private static final String OLD_REFUSALS = "DELETE FROM refused_delivery WHERE received_at < :cutoff";

    private final Duration maxAge;
    private final int maxPerUser;

    @Inject
    public UnlinkedRetention(ActivityConfig config) {
        this(config.unlinked().maxAge(), config.unlinked().maxPerUser());
    }

    UnlinkedRetention(Duration maxAge, int maxPerUser) {
        if (maxAge.isNegative() || maxAge.isZero() || maxPerUser < 1) {
            throw new IllegalArgumentException("rebound.activity.unlinked.max-age must be positive and"
                    + " rebound.activity.unlinked.max-per-user at least 1 (got " + maxAge + ", " + maxPerUser + ")");
        }
        this.maxAge = maxAge;
        this.maxPerUser = maxPerUser;
    }

    /** What one sweep deleted. */
    public record Swept(int receipts, int fetchJobs, int refusals) {
    }

    @Scheduled(every = "${rebound.activity.unlinked.sweep-interval:1h}", delayed = "${rebound.activity.unlinked.sweep-delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return sweep(Instant.now()).invoke(swept -> {
            if (swept.receipts() + swept.fetchJobs() + swept.refusals() > 0) {
                Log.infof("unlinked deliveries swept: %d receipts, %d fetch jobs, %d refused summaries", swept.receipts(),
                        swept.fetchJobs(), swept.refusals());
            }
        }).onFailure().invoke(e -> Log.warnf("unlinked deliveries sweep failed, will run again: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Deletes what is older than the maximum age at {@code now}, and each provider user's excess, oldest first. */
    @WithTransaction
    public Uni<Swept> sweep(Instant now) {
        Instant cutoff = now.minus(maxAge);
        return delete(OLD_RECEIPTS, "cutoff", cutoff).chain(old -> delete(EXCESS_RECEIPTS, "max", maxPerUser)
                .chain(excess -> delete(OLD_JOBS, "cutoff", cutoff)
                        .chain(oldJobs -> delete(EXCESS_JOBS, "max", maxPerUser)
                                .chain(excessJobs -> delete(OLD_REFUSALS, "cutoff", cutoff)
                                        .map(refusals -> new Swept(old + excess, oldJobs + excessJobs, refusals))))));
    }

    private static Uni<Integer> delete(String sql, String parameter, Object value) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql).setParameter(parameter, value)
                .executeUpdate());
    }
}
