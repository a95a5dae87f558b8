package io.rebound.activity.links;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.rebound.activity.fetch.FetchQueue;
import io.rebound.activity.ingest.DeviceLink;
import io.rebound.activity.ingest.IngestOutcome;
import io.rebound.activity.ingest.IngestService;
import io.rebound.activity.ingest.LinkKey;
import io.rebound.activity.ingest.Provider;
import io.rebound.support.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Stores links and, in the same transaction, applies what the provider user sent before they were linked and releases
 * the fetches that waited for it.
 */
@ApplicationScoped
public class LinkService {

    private final IngestService ingest;
    private final TokenCipher tokens;
    private final FetchQueue fetches;

    public LinkService(IngestService ingest, TokenCipher tokens, FetchQueue fetches) {
        this.ingest = ingest;
        this.tokens = tokens;
        this.fetches = fetches;
    }

    /**
     * The provider user revoked our access: forget their tokens and show the connection as needing a new connect;
     * their activities stay.
     */
    @WithTransaction
    public Uni<Integer> deauthorize(Provider provider, String providerUserId) {
        return DeviceLink.update("accessToken = null, refreshToken = null, tokenExpiresAt = null, status = ?1"
                + " where key = ?2", DeviceLink.RECONNECT_NEEDED, LinkKey.of(provider, providerUserId));
    }

    /** Answers what became of each kept activity applied. */
    @WithTransaction
    public Uni<List<IngestOutcome>> link(String runnerId, Provider provider, NewLink request) {
        return DeviceLink.<DeviceLink>findById(LinkKey.of(provider, request.providerUserId())).chain(existing -> {
            if (existing != null && !existing.runnerId.equals(runnerId)) {
                throw new ProblemException(409, "Linked to another runner", request.provider() + " user "
                        + request.providerUserId() + " is already linked to another runner", List.of());
            }
            DeviceLink link = existing != null ? existing : new DeviceLink();
            link.key = LinkKey.of(provider, request.providerUserId());
            link.runnerId = runnerId;
            if (request.accessToken() != null) {
                // A token given by hand has no refresh token or expiry we know of.
                link.accessToken = tokens.encrypt(request.accessToken());
                link.refreshToken = null;
                link.tokenExpiresAt = null;
                link.status = DeviceLink.CONNECTED;
            }
            link.createdAt = link.createdAt == null ? Instant.now() : link.createdAt;
            Uni<DeviceLink> saved = existing != null ? Uni.createFrom().item(link) : link.persist();
            return saved.chain(() -> fetches.release(provider, request.providerUserId()))
                    .chain(() -> ingest.replay(provider, request.providerUserId(), runnerId));
        });
    }

}
