package io.rebound.activity.provider.garmin;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.rebound.activity.fetch.FetchJob;
import io.rebound.activity.ingest.DeviceLink;
import io.rebound.activity.ingest.IngestOutcome;
import io.rebound.activity.ingest.IngestService;
import io.rebound.activity.ingest.IngestService.Delivered;
import io.rebound.activity.ingest.LinkKey;
import io.rebound.activity.ingest.Provider;
import io.rebound.activity.ingest.ProviderPermission;
import io.rebound.activity.ingest.RefusedDelivery;
import io.rebound.activity.ingest.WebhookReceipt;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Applies one Garmin push in one transaction: its summaries, the refusals recorded, deregistrations, permissions. */
@ApplicationScoped
public class GarminPushService {

    /** The permission without which Garmin sends us no activities. */
    static final String ACTIVITY_EXPORT = "ACTIVITY_EXPORT";

    private final IngestService ingest;

    public GarminPushService(IngestService ingest) {
        this.ingest = ingest;
    }

    /** A user's permissions as Garmin reported them; {@code changedAt} null when Garmin did not say when. */
    public record PermissionChange(String userId, List<String> permissions, Instant changedAt) {
    }

    /** What the push came to: one outcome per stored summary, in order, and the user changes applied. */
    public record Applied(List<IngestOutcome> outcomes, int deregistered, int permissionChanges) {
    }

    @WithTransaction
    public Uni<Applied> apply(List<Delivered> deliveries, List<RefusedDelivery> refused, List<String> deregistered,
            List<PermissionChange> changes) {
        Uni<Void> recorded = refused.isEmpty() ? Uni.createFrom().voidItem() : RefusedDelivery.persist(refused);
        return ingest.receiveAll(deliveries).call(() -> recorded).chain(outcomes -> Multi.createFrom().iterable(deregistered)
                .onItem().transformToUniAndConcatenate(GarminPushService::deregister).collect().asList()
                .chain(() -> Multi.createFrom().iterable(changes)
                        .onItem().transformToUniAndConcatenate(change -> permissions(change).replaceWith(1)).collect().asList())
                .map(applied -> new Applied(outcomes, deregistered.size(), applied.size())));
    }

    /**
     * The user disconnected us at Garmin: their link goes (their activities stay), and so does what they sent before
     * a link was made and any fetch still waiting.
     */
    private static Uni<Long> deregister(String userId) {
        LinkKey key = LinkKey.of(Provider.GARMIN, userId);
        return DeviceLink.delete("key = ?1", key)
                .call(() -> WebhookReceipt.delete("provider = ?1 and providerUserId = ?2 and state = ?3",
                        Provider.GARMIN.code(), userId, WebhookReceipt.UNLINKED))
                .call(() -> endFetching(userId, "the user deregistered at Garmin"))
                .invoke(links -> Log.infof("garmin: user %s deregistered; %d link(s) removed", userId, links));
    }

    /** Records the user's permissions (the newest change wins); without ACTIVITY_EXPORT, fetching for them ends. */
    private static Uni<Void> permissions(PermissionChange change) {
        LinkKey key = LinkKey.of(Provider.GARMIN, change.userId());
        return ProviderPermission.<ProviderPermission>findById(key).chain(held -> {
            if (held != null && held.changedAt != null && change.changedAt() != null
                    && change.changedAt().isBefore(held.changedAt)) {
                return Uni.createFrom().voidItem();
            }
            ProviderPermission permission = held != null ? held : new ProviderPermission();
            permission.key = key;
            permission.permissions = String.join(",", change.permissions());
            permission.changedAt = change.changedAt();
            permission.receivedAt = Instant.now();
            Uni<Void> saved = held != null ? Uni.createFrom().voidItem() : permission.persist().replaceWithVoid();
            if (change.permissions().contains(ACTIVITY_EXPORT)) {
                return saved.invoke(() -> Log.infof("garmin: user %s allows %s", change.userId(), permission.permissions));
            }
            return saved.call(() -> endFetching(change.userId(), "the user withdrew ACTIVITY_EXPORT at Garmin"))
                    .invoke(() -> Log.warnf("garmin: user %s withdrew %s (allows now: %s); fetching for them ended",
                            change.userId(), ACTIVITY_EXPORT, permission.permissions.isEmpty() ? "nothing"
                                    : permission.permissions));
        });
    }

    private static Uni<Integer> endFetching(String userId, String why) {
        return FetchJob.update("state = ?1, lastError = ?2 where provider = ?3 and providerUserId = ?4 and state in (?5, ?6)",
                FetchJob.FAILED, why, Provider.GARMIN.code(), userId, FetchJob.PENDING, FetchJob.UNLINKED);
    }
}
