package io.rebound.activity.fetch;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.rebound.activity.ingest.Provider;
import io.rebound.support.work.AfterCommit;
import io.rebound.support.work.WorkQueue;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Adds fetch jobs; a job of a provider user not linked yet waits until the link is made. Also queues a connect's
 * backfill: the first page of Strava's activity list, or Garmin's backfill windows. Whatever it makes due wakes the
 * worker's queue ({@link #WORK}, the connections' fetch worker drains it) once the transaction it was added in has
 * committed.
 */
@ApplicationScoped
public class FetchQueue {

    /** The name of the claimed-work queue that works through fetch jobs. */
    public static final String WORK = "fetch-jobs";

    private final WorkQueue work;

    public FetchQueue(@Named(WORK) WorkQueue work) {
        this.work = work;
    }

    /** What a connection's backfill has come to. */
    public enum BackfillState {
        NONE, QUEUED, RUNNING, DONE;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @WithTransaction
    public Uni<FetchJob> enqueue(Provider provider, String providerUserId, String providerActivityId, String url) {
        return job(provider, providerUserId, providerActivityId, url).<FetchJob>persist().invoke(this::wakeAfterCommit);
    }

    /** Jobs that waited for this user's link become due. Call inside the transaction that makes the link. */
    public Uni<Integer> release(Provider provider, String providerUserId) {
        return FetchJob.update("state = ?1, nextAttemptAt = ?2 where provider = ?3 and providerUserId = ?4 and state = ?5",
                FetchJob.PENDING, Instant.now(), provider.code(), providerUserId, FetchJob.UNLINKED)
                .invoke(released -> {
                    if (released > 0) {
                        wakeAfterCommit();
                    }
                });
    }

    /** Fetches of activities a backfill page listed. Call inside the transaction that settles the page. */
    public Uni<Void> enqueueBackfilled(Provider provider, String providerUserId, List<String> providerActivityIds) {
        List<FetchJob> jobs = providerActivityIds.stream().map(id -> {
            FetchJob job = job(provider, providerUserId, id, null);
            job.backfill = true;
            return job;
        }).toList();
        return jobs.isEmpty() ? Uni.createFrom().voidItem() : FetchJob.persist(jobs).invoke(this::wakeAfterCommit);
    }

    /** Page {@code page} of the Strava athlete's activities since {@code since}. Call inside a transaction. */
    public Uni<Void> enqueueStravaPage(String athleteId, Instant since, int page) {
        FetchJob job = job(Provider.STRAVA, athleteId, "page-" + page, null);
        job.kind = FetchJob.STRAVA_PAGE;
        job.backfill = true;
        job.windowStart = since;
        job.page = page;
        return job.persist().invoke(this::wakeAfterCommit).replaceWithVoid();
    }

    /**
     * Garmin backfill requests covering {@code since} to {@code until} in windows of at most {@code window}, due
     * {@code spacing} apart. Call inside a transaction.
     */
    public Uni<Void> enqueueGarminBackfill(String userId, Instant since, Instant until, Duration window,
            Duration spacing) {
        List<FetchJob> jobs = new ArrayList<>();
        Instant start = since;
        Instant due = Instant.now();
        while (start.isBefore(until)) {
            Instant end = start.plus(window).isBefore(until) ? start.plus(window) : until;
            FetchJob job = job(Provider.GARMIN, userId, "backfill-" + start.getEpochSecond(), null);
            job.kind = FetchJob.GARMIN_BACKFILL;
            job.backfill = true;
            job.windowStart = start;
            job.windowEnd = end;
            job.nextAttemptAt = due;
            jobs.add(job);
            start = end;
            due = due.plus(spacing);
        }
        return FetchJob.persist(jobs).invoke(this::wakeAfterCommit);
    }

    /** Whether a backfill of this user is still under way. */
    public Uni<Boolean> backfillPending(Provider provider, String providerUserId) {
        return FetchJob.count("provider = ?1 and providerUserId = ?2 and backfill = true and state in (?3, ?4)",
                provider.code(), providerUserId, FetchJob.PENDING, FetchJob.UNLINKED).map(count -> count > 0);
    }

    /**
     * How the backfill queued at {@code requestedAt} goes: queued while none of its jobs has been tried, done when
     * none is left to do.
     */
    public Uni<BackfillState> backfillState(Provider provider, String providerUserId, Instant requestedAt) {
        if (requestedAt == null) {
            return Uni.createFrom().item(BackfillState.NONE);
        }
        String mine = "provider = ?1 and providerUserId = ?2 and backfill = true and createdAt >= ?3";
        return FetchJob.count(mine + " and state in (?4, ?5)", provider.code(), providerUserId, requestedAt,
                        FetchJob.PENDING, FetchJob.UNLINKED)
                .chain(pending -> pending == 0 ? Uni.createFrom().item(BackfillState.DONE)
                        : FetchJob.count(mine + " and (attempts > 0 or state in (?4, ?5))", provider.code(),
                                        providerUserId, requestedAt, FetchJob.DONE, FetchJob.FAILED)
                                .map(started -> started == 0 ? BackfillState.QUEUED : BackfillState.RUNNING));
    }

    /** Forgets the backfill work still to do for this user (they disconnected). Call inside a transaction. */
    public Uni<Long> dropBackfill(Provider provider, String providerUserId) {
        return FetchJob.delete("provider = ?1 and providerUserId = ?2 and backfill = true and state in (?3, ?4)",
                provider.code(), providerUserId, FetchJob.PENDING, FetchJob.UNLINKED);
    }

    private static FetchJob job(Provider provider, String providerUserId, String providerActivityId, String url) {
        FetchJob job = new FetchJob();
        job.id = UUID.randomUUID();
        job.provider = provider.code();
        job.providerUserId = providerUserId;
        job.providerActivityId = providerActivityId;
        job.url = url;
        job.state = FetchJob.PENDING;
        job.nextAttemptAt = Instant.now();
        job.createdAt = job.nextAttemptAt;
        return job;
    }

    /** Wakes the worker's queue once the transaction under way here has committed. */
    private void wakeAfterCommit() {
        AfterCommit.wake(work);
    }
}
