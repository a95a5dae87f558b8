package io.rebound.activity.links;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.rebound.activity.ingest.DeviceLink;
import io.rebound.activity.ingest.IngestService;
import io.rebound.activity.ingest.LinkKey;
import io.rebound.activity.ingest.Provider;
import io.rebound.activity.ingest.TokenCipher;
import io.rebound.support.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Stores links and, in the same transaction, applies what the provider user sent before they were linked. */
@ApplicationScoped
public class LinkService {

    private final IngestService ingest;
    private final TokenCipher tokens;

    public LinkService(IngestService ingest, TokenCipher tokens) {
        this.ingest = ingest;
        this.tokens = tokens;
    }

    /** Answers how many kept activities were applied. */
    @WithTransaction
    public Uni<Integer> link(String runnerId, Provider provider, NewLink request) {
        return DeviceLink.<DeviceLink>findById(LinkKey.of(provider, request.providerUserId())).chain(existing -> {
            if (existing != null && !existing.runnerId.equals(runnerId)) {
                throw new ProblemException(409, "Linked to another runner", request.provider() + " user "
                        + request.providerUserId() + " is already linked to another runner", List.of());
            }
            DeviceLink link = existing != null ? existing : new DeviceLink();
            link.key = LinkKey.of(provider, request.providerUserId());
            link.runnerId = runnerId;
            link.accessToken = request.accessToken() == null ? link.accessToken : tokens.encrypt(request.accessToken());
            link.createdAt = link.createdAt == null ? Instant.now() : link.createdAt;
            Uni<DeviceLink> saved = existing != null ? Uni.createFrom().item(link) : link.persist();
            return saved.chain(() -> ingest.replay(provider, request.providerUserId(), runnerId));
        });
    }

}
