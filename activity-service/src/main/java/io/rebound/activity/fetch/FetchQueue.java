package io.rebound.activity.fetch;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.rebound.activity.ingest.Provider;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** Adds fetch jobs; a job of a provider user not linked yet waits until the link is made. */
@ApplicationScoped
public class FetchQueue {

    @WithTransaction
    public Uni<FetchJob> enqueue(Provider provider, String providerUserId, String providerActivityId, String url) {
        FetchJob job = new FetchJob();
        job.id = UUID.randomUUID();
        job.provider = provider.code();
        job.providerUserId = providerUserId;
        job.providerActivityId = providerActivityId;
        job.url = url;
        job.state = FetchJob.PENDING;
        job.nextAttemptAt = Instant.now();
        job.createdAt = job.nextAttemptAt;
        return job.persist();
    }

    /** Jobs that waited for this user's link become due. Call inside the transaction that makes the link. */
    public Uni<Integer> release(Provider provider, String providerUserId) {
        return FetchJob.update("state = ?1, nextAttemptAt = ?2 where provider = ?3 and providerUserId = ?4 and state = ?5",
                FetchJob.PENDING, Instant.now(), provider.code(), providerUserId, FetchJob.UNLINKED);
    }
}
