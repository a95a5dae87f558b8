package io.rebound.activity.connect;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.rebound.activity.ActivityConfig;
import io.rebound.activity.fetch.FetchJob;
import io.rebound.activity.fetch.FetchQueue;
import io.rebound.activity.ingest.DeviceLink;
import io.rebound.activity.ingest.IngestMetrics;
import io.rebound.activity.ingest.IngestOutcome;
import io.rebound.activity.ingest.IngestService;
import io.rebound.activity.ingest.LinkKey;
import io.rebound.activity.ingest.Provider;
import io.rebound.activity.provider.Backoff;
import io.rebound.activity.provider.FetchResult;
import io.rebound.activity.provider.ProviderAnswer;
import io.rebound.activity.provider.polar.PolarClient;
import io.rebound.activity.provider.strava.StravaClient;
import io.rebound.support.vertx.SafeContexts;
import io.rebound.support.work.AfterCommit;
import io.rebound.support.work.WorkQueue;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fetches notified activities from Strava and Polar and stores them, and does connects' backfill work (Strava's
 * activity list, page by page; Garmin's backfill requests). Tokens come fresh from {@link TokenKeeper}. Jobs are claimed with SKIP LOCKED and a
 * five-minute lease, so several instances share the queue and a crashed one's jobs come back. A 429 pauses all
 * of that provider's jobs for as long as the provider asks; passing failures back off exponentially with jitter.
 */
@ApplicationScoped
public class FetchWorker {

    private static final int BATCH = 20;
    private static final int MAX_ATTEMPTS = 20;
    /** The most activities Strava lists in one page. */
    static final int STRAVA_PAGE_SIZE = 200;
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final String CLAIM = "SELECT * FROM fetch_job WHERE state = 'PENDING' AND next_attempt_at <= now()"
            + " AND provider NOT IN (:paused) ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED";

    private final IngestService ingest;
    private final TokenKeeper keeper;
    private final OAuthClients clients;
    private final FetchQueue queue;
    private final IngestMetrics metrics;
    private final StravaClient strava;
    private final PolarClient polar;
    private final Backoff backoff = new Backoff();
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Instant> pausedUntil = new ConcurrentHashMap<>();
    private final WorkQueue work;

    public FetchWorker(IngestService ingest, TokenKeeper keeper, OAuthClients clients, FetchQueue queue,
            IngestMetrics metrics, Vertx vertx, ActivityConfig config) {
        this.ingest = ingest;
        this.keeper = keeper;
        this.clients = clients;
        this.queue = queue;
        this.metrics = metrics;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.strava = new StravaClient(config.strava().baseUrl(), http, clock);
        this.polar = new PolarClient(config.polar().baseUrl(), http, clock);
        this.work = new WorkQueue("fetch worker", vertx, this::batch);
    }

    void onStart(@Observes StartupEvent event) {
        work.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        work.stop(Duration.ZERO);
    }

    @Scheduled(every = "${rebound.activity.fetch.sweep-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        work.wakeUp();
    }

    /**
     * The queue of fetch jobs as {@link FetchQueue} wakes it once the jobs it added have committed: the queue knows
     * this worker only through it, so the fetch package depends on neither the connections nor the providers.
     */
    @Produces
    @Named(FetchQueue.WORK)
    WorkQueue work() {
        return work;
    }

    /**
     * One batch, its jobs one after the other on the drain's context. A batch that queues new jobs (a backfill page
     * listing activities) wakes the worker when it commits, so the drain looks again once this batch is through;
     * a full batch by itself does not go round again.
     */
    private Uni<Boolean> batch(Context context) {
        return claim()
                .chain(jobs -> Multi.createFrom().iterable(jobs)
                        .onItem().transformToUniAndConcatenate(job -> process(job, context))
                        .collect().asList())
                .replaceWith(false);
    }

    private Uni<List<FetchJob>> claim() {
        Instant now = clock.instant();
        pausedUntil.values().removeIf(until -> until.isBefore(now));
        List<String> paused = pausedUntil.isEmpty() ? List.of("-") : List.copyOf(pausedUntil.keySet());
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(CLAIM, FetchJob.class)
                        .setParameter("paused", paused)
                        .setParameter("limit", BATCH)
                        .getResultList())
                .invoke(jobs -> jobs.forEach(job -> job.nextAttemptAt = now.plus(LEASE))));
    }

    private Uni<Void> process(FetchJob job, Context context) {
        Provider provider = Provider.valueOf(job.provider.toUpperCase(Locale.ROOT));
        return SafeContexts.on(context, () -> Panache.withSession(
                        () -> DeviceLink.<DeviceLink>findById(LinkKey.of(provider, job.providerUserId))))
                .chain(link -> {
                    if (link == null || link.accessToken == null) {
                        return park(context, job.id, "no link with an access token yet");
                    }
                    return keeper.accessToken(context, link)
                            .chain(fresh -> call(job, provider, link.runnerId, fresh, context, true));
                });
    }

    /**
     * Does the job's work with the token; a 401 gets one refresh and one more try. A connection that needs the runner
     * to connect again parks the job until they do (the connect releases it, as a new link does).
     */
    private Uni<Void> call(FetchJob job, Provider provider, String runnerId, TokenKeeper.Fresh fresh, Context context,
            boolean mayRefresh) {
        if (fresh instanceof TokenKeeper.Fresh.ReconnectNeeded reconnect) {
            return park(context, job.id, reconnect.reason());
        }
        if (fresh instanceof TokenKeeper.Fresh.NotNow notNow) {
            return apply(job, provider, runnerId, failed(notNow.answer(), "refreshing the token"), context);
        }
        String token = ((TokenKeeper.Fresh.Usable) fresh).accessToken();
        return Uni.createFrom().item(() -> work(job, provider, token))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(result -> {
                    if (!unauthorized(result)) {
                        return settle(job, provider, runnerId, result, context);
                    }
                    if (mayRefresh) {
                        return keeper.afterUnauthorized(context, provider, job.providerUserId, token)
                                .chain(again -> call(job, provider, runnerId, again, context, false));
                    }
                    return keeper.markReconnectNeeded(context, provider, job.providerUserId,
                                    provider.code() + " refused a token it had just issued")
                            .chain(() -> park(context, job.id, provider.code() + " refused the access token: the runner"
                                    + " must connect again"));
                });
    }

    /** The provider call a job stands for: a {@link FetchResult} for an activity, a {@link ProviderAnswer} else. */
    private Object work(FetchJob job, Provider provider, String token) {
        return switch (job.kind) {
            case FetchJob.STRAVA_PAGE -> strava.listActivityIds(token, job.windowStart, job.page, STRAVA_PAGE_SIZE);
            case FetchJob.GARMIN_BACKFILL -> clients.garminBackfill().request(token, job.windowStart, job.windowEnd);
            default -> provider == Provider.STRAVA
                    ? strava.fetchActivity(token, Long.parseLong(job.providerActivityId))
                    : polar.fetchExercise(token, job.url);
        };
    }

    private static boolean unauthorized(Object result) {
        return result instanceof FetchResult.Unauthorized
                || result instanceof ProviderAnswer.Refused<?> refused && refused.status() == 401;
    }

    @SuppressWarnings("unchecked")
    private Uni<Void> settle(FetchJob job, Provider provider, String runnerId, Object result, Context context) {
        if (result instanceof FetchResult fetchResult) {
            return apply(job, provider, runnerId, fetchResult, context);
        }
        ProviderAnswer<?> answer = (ProviderAnswer<?>) result;
        if (!(answer instanceof ProviderAnswer.Ok<?> ok)) {
            return apply(job, provider, runnerId, failed(answer, job.kind), context);
        }
        if (!FetchJob.STRAVA_PAGE.equals(job.kind)) {
            return settle(context, job.id, FetchJob.DONE, 1, null, null, null);
        }
        List<Long> ids = (List<Long>) ok.value();
        return SafeContexts.on(context, () -> AfterCommit.transaction(() -> FetchJob.<FetchJob>findById(job.id)
                .chain(page -> {
                    page.state = FetchJob.DONE;
                    page.attempts += 1;
                    page.lastError = null;
                    Uni<Void> next = ids.size() < STRAVA_PAGE_SIZE ? Uni.createFrom().voidItem()
                            : queue.enqueueStravaPage(job.providerUserId, job.windowStart, job.page + 1);
                    return next.chain(() -> queue.enqueueBackfilled(provider, job.providerUserId,
                            ids.stream().map(String::valueOf).toList()));
                })));
    }

    /** A provider's failure in {@link FetchResult}'s terms, so retries and pauses work the same for every job. */
    private static FetchResult failed(ProviderAnswer<?> answer, String what) {
        if (answer instanceof ProviderAnswer.RateLimited<?> limited) {
            return new FetchResult.RateLimited(limited.retryAfter());
        }
        if (answer instanceof ProviderAnswer.Unavailable<?> unavailable) {
            return new FetchResult.TransientFailure(unavailable.reason());
        }
        ProviderAnswer.Refused<?> refused = (ProviderAnswer.Refused<?>) answer;
        return new FetchResult.Unprocessable(what + ": HTTP " + refused.status() + " " + refused.body());
    }

    /** Parks a job until the user's link (or a new connect) releases it. */
    private Uni<Void> park(Context context, UUID id, String why) {
        return settle(context, id, FetchJob.UNLINKED, 0, why, null, null);
    }

    private Uni<Void> apply(FetchJob job, Provider provider, String runnerId, FetchResult result, Context context) {
        Instant now = clock.instant();
        if (result instanceof FetchResult.Fetched fetched) {
            return settle(context, job.id, FetchJob.DONE, 1, null, runnerId, fetched);
        }
        if (result instanceof FetchResult.NotFound) {
            return settle(context, job.id, FetchJob.DONE, 1, "gone at the provider", null, null);
        }
        if (result instanceof FetchResult.Unauthorized) {
            return settle(context, job.id, FetchJob.FAILED, 1,
                    "the provider refused the runner's token: the runner must connect again", null, null);
        }
        if (result instanceof FetchResult.RateLimited limited) {
            pausedUntil.put(job.provider, now.plus(limited.retryAfter()));
            return reschedule(context, job.id, 0, "rate limited by " + provider.code(), now.plus(limited.retryAfter()));
        }
        if (result instanceof FetchResult.TransientFailure failure && job.attempts + 1 < MAX_ATTEMPTS) {
            return reschedule(context, job.id, 1, failure.reason(), now.plus(backoff.next(job.attempts + 1)));
        }
        String reason = result instanceof FetchResult.TransientFailure failure ? failure.reason()
                : ((FetchResult.Unprocessable) result).reason();
        return settle(context, job.id, FetchJob.FAILED, 1, reason, null, null);
    }

    private Uni<Void> settle(Context context, UUID id, String state, int attempts, String error, String runnerId,
            FetchResult.Fetched fetched) {
        Uni<IngestOutcome> settled = SafeContexts.on(context, () -> AfterCommit.transaction(() -> FetchJob.<FetchJob>findById(id)
                .chain(job -> {
                    job.state = state;
                    job.attempts += attempts;
                    job.lastError = error;
                    return fetched == null ? Uni.createFrom().nullItem() : ingest.apply(runnerId, fetched.activity(), null);
                })));
        return settled.invoke(outcome -> {
            if (outcome != null) {
                metrics.counted(fetched.activity().provider(), outcome);
            }
        }).replaceWithVoid();
    }

    private Uni<Void> reschedule(Context context, UUID id, int attempts, String error, Instant next) {
        return SafeContexts.on(context, () -> Panache.withTransaction(() -> FetchJob.<FetchJob>findById(id).invoke(job -> {
            job.attempts += attempts;
            job.lastError = error;
            job.nextAttemptAt = next;
        }))).replaceWithVoid();
    }
}
