package io.rebound.activity.connect;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.rebound.activity.connect.ConnectionView.Connection;
import io.rebound.activity.connect.ConnectionView.Connections;
import io.rebound.activity.fetch.FetchQueue.BackfillState;
import io.rebound.activity.fetch.FetchQueue;
import io.rebound.activity.ingest.DeviceLink;
import io.rebound.activity.ingest.IngestOutcome;
import io.rebound.activity.ingest.IngestService;
import io.rebound.activity.ingest.LinkKey;
import io.rebound.activity.ingest.Provider;
import io.rebound.activity.links.TokenCipher;
import io.rebound.activity.provider.TokenGrant;
import io.rebound.support.problem.ProblemException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Stores connections: the provider's tokens (encrypted), and in the same transaction what a link does (the
 * activities that user sent before are applied, waiting fetches released) plus the backfill of the last 16 weeks.
 */
@ApplicationScoped
public class ConnectionService {

    /** How far back a connect fetches: 16 weeks, the span the plan's computed peak week is taken from. */
    public static final Duration BACKFILL = Duration.ofDays(16 * 7);
    /** Garmin takes at most 30 days per backfill request; 28 cuts 16 weeks into four equal windows. */
    static final Duration GARMIN_WINDOW = Duration.ofDays(28);

    private final TokenCipher tokens;
    private final IngestService ingest;
    private final FetchQueue fetches;
    private final ConnectSettings settings;

    public ConnectionService(TokenCipher tokens, IngestService ingest, FetchQueue fetches, ConnectSettings settings) {
        this.tokens = tokens;
        this.ingest = ingest;
        this.fetches = fetches;
        this.settings = settings;
    }

    /** What a connect stored. */
    public record Stored(Provider provider, String providerUserId, Instant connectedAt, boolean created,
            List<IngestOutcome> replayed, BackfillState backfill) {
    }

    @WithSession
    public Uni<Connections> list(String runnerId) {
        List<String> codes = ConnectSettings.PROVIDERS.stream().map(Provider::code).toList();
        return DeviceLink.<DeviceLink>list("runnerId = ?1 and key.provider in ?2 order by key.provider,"
                        + " key.providerUserId", runnerId, codes)
                .chain(links -> Multi.createFrom().iterable(links)
                        .onItem().transformToUniAndConcatenate(this::view)
                        .collect().asList())
                .map(connections -> new Connections(connections, settings.available()));
    }

    private Uni<Connection> view(DeviceLink link) {
        Provider provider = Provider.valueOf(link.key.provider().toUpperCase(Locale.ROOT));
        return fetches.backfillState(provider, link.key.providerUserId(), link.backfillRequestedAt)
                .map(backfill -> new Connection(link.key.provider(), link.key.providerUserId(),
                        link.connectedAt != null ? link.connectedAt : link.createdAt, status(provider, link),
                        backfill.code()));
    }

    /** Strava and Polar are asked for every activity, so a link of theirs without a token is as good as none. */
    private static String status(Provider provider, DeviceLink link) {
        boolean pulls = provider == Provider.STRAVA || provider == Provider.POLAR;
        return DeviceLink.RECONNECT_NEEDED.equals(link.status) || (pulls && link.accessToken == null)
                ? DeviceLink.RECONNECT_NEEDED : DeviceLink.CONNECTED;
    }

    /** The runner the provider user is linked to, or null. */
    @WithSession
    public Uni<String> ownerOf(Provider provider, String providerUserId) {
        return DeviceLink.<DeviceLink>findById(LinkKey.of(provider, providerUserId))
                .map(link -> link == null ? null : link.runnerId);
    }

    /** The runner's link with this provider (the latest connected when there are several), or null. */
    @WithSession
    public Uni<DeviceLink> find(String runnerId, Provider provider) {
        return DeviceLink.<DeviceLink>find("runnerId = ?1 and key.provider = ?2 order by coalesce(connectedAt,"
                + " createdAt) desc", runnerId, provider.code()).firstResult();
    }

    /** Stores the grant; 409 when the provider user is another runner's. */
    @WithTransaction
    public Uni<Stored> store(String runnerId, Provider provider, TokenGrant grant) {
        LinkKey key = LinkKey.of(provider, grant.providerUserId());
        return DeviceLink.<DeviceLink>findById(key, LockModeType.PESSIMISTIC_WRITE).chain(existing -> {
            if (existing != null && !existing.runnerId.equals(runnerId)) {
                throw conflict(provider, grant.providerUserId());
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            DeviceLink link = existing != null ? existing : new DeviceLink();
            link.key = key;
            link.runnerId = runnerId;
            link.accessToken = tokens.encrypt(grant.accessToken());
            link.refreshToken = grant.refreshToken() == null ? null : tokens.encrypt(grant.refreshToken());
            link.tokenExpiresAt = grant.expiresAt();
            link.status = DeviceLink.CONNECTED;
            link.connectedAt = now;
            link.createdAt = link.createdAt == null ? now : link.createdAt;
            Uni<DeviceLink> saved = existing != null ? Uni.createFrom().item(link) : link.persist();
            return saved.chain(() -> fetches.release(provider, grant.providerUserId()))
                    .chain(() -> backfill(link, provider, now))
                    .chain(backfill -> ingest.replay(provider, grant.providerUserId(), runnerId)
                            .map(replayed -> new Stored(provider, grant.providerUserId(), now, existing == null,
                                    replayed, backfill)));
        });
    }

    /** Queues the last 16 weeks, unless a backfill of this user is still under way; Polar keeps no history for us. */
    private Uni<BackfillState> backfill(DeviceLink link, Provider provider, Instant now) {
        if (provider == Provider.POLAR) {
            return Uni.createFrom().item(BackfillState.NONE);
        }
        String user = link.key.providerUserId();
        return fetches.backfillPending(provider, user).chain(pending -> {
            if (pending) {
                return Uni.createFrom().item(BackfillState.QUEUED);
            }
            link.backfillRequestedAt = now;
            Instant since = now.minus(BACKFILL);
            Uni<Void> queued = provider == Provider.STRAVA
                    ? fetches.enqueueStravaPage(user, since, 1)
                    : fetches.enqueueGarminBackfill(user, since, now, GARMIN_WINDOW, settings.garminBackfillSpacing());
            return queued.replaceWith(BackfillState.QUEUED);
        });
    }

    /** Removes the link, its tokens and the backfill work left for it; false when there was none. */
    @WithTransaction
    public Uni<Boolean> remove(LinkKey key) {
        Provider provider = Provider.valueOf(key.provider().toUpperCase(Locale.ROOT));
        return DeviceLink.deleteById(key)
                .chain(deleted -> fetches.dropBackfill(provider, key.providerUserId()).replaceWith(deleted));
    }

    static ProblemException conflict(Provider provider, String providerUserId) {
        return new ProblemException(409, "Connected to another runner", provider.code() + " user " + providerUserId
                + " is already connected to another runner; it must be disconnected there first", List.of());
    }
}
