package io.rebound.activity.fetch;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.rebound.activity.ingest.DeviceLink;
import io.rebound.activity.ingest.IngestMetrics;
import io.rebound.activity.ingest.IngestOutcome;
import io.rebound.activity.ingest.IngestService;
import io.rebound.activity.ingest.LinkKey;
import io.rebound.activity.ingest.Provider;
import io.rebound.activity.ingest.TokenCipher;
import io.rebound.activity.webhook.Backoff;
import io.rebound.activity.webhook.FetchResult;
import io.rebound.activity.webhook.polar.PolarClient;
import io.rebound.activity.webhook.strava.StravaClient;
import io.rebound.support.outbox.OutboxRelay;
import io.rebound.support.vertx.SafeContexts;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fetches notified activities from Strava and Polar and stores them. Jobs are claimed with SKIP LOCKED and a
 * five-minute lease, so several instances share the queue and a crashed one's jobs come back. A 429 pauses all
 * of that provider's jobs for as long as the provider asks; passing failures back off exponentially with jitter.
 */
@ApplicationScoped
public class FetchWorker {

    private static final int BATCH = 20;
    private static final int MAX_ATTEMPTS = 20;
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final String CLAIM = "SELECT * FROM fetch_job WHERE state = 'PENDING' AND next_attempt_at <= now()"
            + " AND provider NOT IN (:paused) ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED";

    private final IngestService ingest;
    private final TokenCipher tokens;
    private final OutboxRelay relay;
    private final IngestMetrics metrics;
    private final Vertx vertx;
    private final StravaClient strava;
    private final PolarClient polar;
    private final Backoff backoff = new Backoff();
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Instant> pausedUntil = new ConcurrentHashMap<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean running;

    public FetchWorker(IngestService ingest, TokenCipher tokens, OutboxRelay relay, IngestMetrics metrics, Vertx vertx,
            @ConfigProperty(name = "rebound.activity.strava.base-url") URI stravaBase,
            @ConfigProperty(name = "rebound.activity.polar.base-url") URI polarBase) {
        this.ingest = ingest;
        this.tokens = tokens;
        this.relay = relay;
        this.metrics = metrics;
        this.vertx = vertx;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.strava = new StravaClient(stravaBase, http, clock);
        this.polar = new PolarClient(polarBase, http, clock);
    }

    void onStart(@Observes StartupEvent event) {
        running = true;
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
    }

    @Scheduled(every = "${rebound.activity.fetch.sweep-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        wakeUp();
    }

    /** Works through what is due, soon, on a fresh Vert.x context. */
    public void wakeUp() {
        if (!running) {
            return;
        }
        if (!draining.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        Context context = SafeContexts.fresh(vertx);
        context.runOnContext(ignored -> SafeContexts.on(context, this::claim)
                .chain(jobs -> Multi.createFrom().iterable(jobs)
                        .onItem().transformToUniAndConcatenate(job -> process(job, context))
                        .collect().asList())
                .subscribe().with(done -> finish(), failure -> {
                    Log.warnf("fetch worker: %s; will retry", failure.getMessage());
                    finish();
                }));
    }

    private void finish() {
        draining.set(false);
        if (again.getAndSet(false)) {
            wakeUp();
        }
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
                        return settle(context, job.id, FetchJob.UNLINKED, 0, "no link with an access token yet", null, null);
                    }
                    String token = tokens.decrypt(link.accessToken);
                    Uni<FetchResult> fetched = Uni.createFrom().item(() -> provider == Provider.STRAVA
                                    ? strava.fetchActivity(token, Long.parseLong(job.providerActivityId))
                                    : polar.fetchExercise(token, job.url))
                            .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
                    return fetched.chain(result -> apply(job, provider, link.runnerId, result, context));
                });
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
        Uni<IngestOutcome> settled = SafeContexts.on(context, () -> Panache.withTransaction(() -> FetchJob.<FetchJob>findById(id)
                .chain(job -> {
                    job.state = state;
                    job.attempts += attempts;
                    job.lastError = error;
                    return fetched == null ? Uni.createFrom().nullItem() : ingest.apply(runnerId, fetched.activity(), null);
                })));
        return settled.invoke(relay::wakeUp).invoke(outcome -> {
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
