package io.rebound.activity.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.rebound.activity.Activity;
import io.rebound.activity.ActivityService;
import io.rebound.activity.ingest.IngestOutcome.Result;
import io.rebound.events.EventJson;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Takes activities from every provider and stores each once: a repeated delivery is recognised by its delivery id,
 * the same provider activity by its provider id, and the same run reported by a second provider by start (within
 * 2 minutes) and distance (within 3%). Activities of a provider user not linked yet are kept and applied when the
 * link is made. Every change is published through the outbox in the same transaction.
 */
@ApplicationScoped
public class IngestService {

    /** Two providers for one watch: starts this close and distances this similar are the same run. */
    static final Duration SAME_START = Duration.ofMinutes(2);
    static final double SAME_DISTANCE_SHARE = 0.03;

    private final ActivityService activities;
    private final GroupCommit group;

    public IngestService(ActivityService activities, GroupCommit group) {
        this.activities = activities;
        this.group = group;
    }

    /**
     * An activity created or updated at the provider.
     *
     * Committed in one transaction with other deliveries arriving at the same moment ({@link GroupCommit}), and
     * answered once that has committed.
     *
     * @param versionAt the provider's time of this version, when it gives one: an older version arriving late is
     *                  recognised as stale
     */
    public Uni<IngestOutcome> upsert(String providerUserId, String deliveryId, DeviceActivity activity, Instant versionAt) {
        return group.run(() -> receiveUpsert(providerUserId, deliveryId, activity, versionAt));
    }

    /** As {@link #upsert}, inside the caller's transaction. */
    public Uni<IngestOutcome> receiveUpsert(String providerUserId, String deliveryId, DeviceActivity activity,
            Instant versionAt) {
        return receive(activity.provider(), providerUserId, deliveryId, Operation.UPSERT, new Version(activity, versionAt));
    }

    /** Several activities of one delivery, all stored or none. */
    @WithTransaction
    public Uni<List<IngestOutcome>> upsertAll(List<Delivered> deliveries) {
        return receiveAll(deliveries);
    }

    /** As {@link #upsertAll}, inside the caller's transaction. */
    public Uni<List<IngestOutcome>> receiveAll(List<Delivered> deliveries) {
        return Multi.createFrom().iterable(deliveries)
                .onItem().transformToUniAndConcatenate(d -> receive(d.activity().provider(), d.providerUserId(), null,
                        Operation.UPSERT, new Version(d.activity(), null)))
                .collect().asList();
    }

    /** One activity of a provider's user, as a batch delivery carries it. */
    public record Delivered(String providerUserId, DeviceActivity activity) {
    }

    /** An activity deleted at the provider; committed as {@link #upsert} is. */
    public Uni<IngestOutcome> delete(Provider provider, String providerUserId, String deliveryId, String providerActivityId,
            Instant versionAt) {
        return group.run(() -> receiveDelete(provider, providerUserId, deliveryId, providerActivityId, versionAt));
    }

    /** As {@link #delete}, inside the caller's transaction. */
    public Uni<IngestOutcome> receiveDelete(Provider provider, String providerUserId, String deliveryId,
            String providerActivityId, Instant versionAt) {
        DeviceActivity gone = new DeviceActivity(provider, providerActivityId, null, null, 0, 0, null);
        return receive(provider, providerUserId, deliveryId, Operation.DELETE, new Version(gone, versionAt));
    }

    /**
     * An activity the runner brought themselves (an uploaded file): no provider user to resolve. Its identity is the
     * runner's own, so the same file from two runners (a run they shared) is an activity of each.
     */
    @WithTransaction
    public Uni<IngestOutcome> own(String runnerId, DeviceActivity activity) {
        ActivitySource.Key key = new ActivitySource.Key(activity.provider().code(),
                runnerId + "/" + activity.providerActivityId());
        return apply(runnerId, key, activity, null);
    }

    /** Stores the activity for the runner, once, unless a newer version is already held. Call inside a transaction. */
    public Uni<IngestOutcome> apply(String runnerId, DeviceActivity activity, Instant versionAt) {
        return apply(runnerId, keyOf(activity), activity, versionAt);
    }

    private Uni<IngestOutcome> apply(String runnerId, ActivitySource.Key key, DeviceActivity activity, Instant versionAt) {
        return ActivitySource.<ActivitySource>findById(key).chain(source -> {
            if (source != null && source.supersedes(versionAt)) {
                return Uni.createFrom().item(new IngestOutcome(Result.STALE, source.activityId));
            }
            if (source != null && source.activityId != null) {
                source.updatedAt = versionAt != null ? versionAt : source.updatedAt;
                return update(source.activityId, activity);
            }
            // The runner deleted it here: a provider's later version does not bring it back, but the runner's own
            // file brought again is theirs to have again.
            if (source != null && source.removedHere() && activity.provider() != Provider.FILE) {
                return Uni.createFrom().item(IngestOutcome.of(Result.DELETED_BY_RUNNER));
            }
            return sameRun(runnerId, activity).chain(same -> same != null
                    ? attach(source, key, same.id, versionAt).replaceWith(new IngestOutcome(Result.DUPLICATE, same.id))
                    : create(runnerId, key, source, activity, versionAt));
        });
    }

    /** Points the provider activity at {@code activityId}: the row a deletion left behind, else a new one. */
    private static Uni<ActivitySource> attach(ActivitySource left, ActivitySource.Key key, UUID activityId,
            Instant versionAt) {
        if (left != null) {
            left.activityId = activityId;
            left.updatedAt = versionAt;
            return Uni.createFrom().item(left);
        }
        ActivitySource source = new ActivitySource();
        source.key = key;
        source.activityId = activityId;
        source.updatedAt = versionAt;
        return source.persist();
    }

    /** Applies what a provider user sent before they were linked, oldest first; one outcome each. Call inside a transaction. */
    public Uni<List<IngestOutcome>> replay(Provider provider, String providerUserId, String runnerId) {
        return WebhookReceipt.<WebhookReceipt>list("provider = ?1 and providerUserId = ?2 and state = ?3 order by receivedAt",
                        provider.code(), providerUserId, WebhookReceipt.UNLINKED)
                .chain(receipts -> Multi.createFrom().iterable(receipts)
                        .onItem().transformToUniAndConcatenate(receipt -> {
                            Version version = read(receipt.payload);
                            receipt.state = WebhookReceipt.APPLIED;
                            receipt.appliedAt = Instant.now();
                            return Operation.valueOf(receipt.operation) == Operation.DELETE
                                    ? remove(version)
                                    : apply(runnerId, version.activity(), version.at());
                        })
                        .collect().asList());
    }

    private Uni<IngestOutcome> receive(Provider provider, String providerUserId, String deliveryId, Operation operation,
            Version version) {
        Uni<Boolean> seen = deliveryId == null
                ? Uni.createFrom().item(false)
                : WebhookReceipt.count("provider = ?1 and deliveryId = ?2", provider.code(), deliveryId).map(n -> n > 0);
        return seen.chain(repeated -> {
            if (repeated) {
                return Uni.createFrom().item(IngestOutcome.of(Result.REPEATED_DELIVERY));
            }
            return DeviceLink.<DeviceLink>findById(LinkKey.of(provider, providerUserId)).chain(link -> {
                WebhookReceipt receipt = receipt(provider, providerUserId, deliveryId, operation, version,
                        link == null ? WebhookReceipt.UNLINKED : WebhookReceipt.APPLIED);
                if (link == null) {
                    return receipt.persist().replaceWith(IngestOutcome.of(Result.UNLINKED));
                }
                Uni<IngestOutcome> applied = operation == Operation.DELETE
                        ? remove(version)
                        : apply(link.runnerId, version.activity(), version.at());
                return receipt.persist().chain(() -> applied);
            });
        });
    }

    private Uni<IngestOutcome> create(String runnerId, ActivitySource.Key key, ActivitySource left, DeviceActivity device,
            Instant versionAt) {
        Activity activity = new Activity();
        activity.id = UUID.randomUUID();
        activity.runnerId = runnerId;
        activity.acceptedAt = activities.now();
        fill(activity, device);
        return activities.persistNew(activity)
                .chain(() -> attach(left, key, activity.id, versionAt))
                .replaceWith(new IngestOutcome(Result.CREATED, activity.id));
    }

    private Uni<IngestOutcome> update(UUID activityId, DeviceActivity device) {
        return Activity.<Activity>findById(activityId, LockModeType.PESSIMISTIC_WRITE).chain(activity -> {
            if (activity == null) {
                return Uni.createFrom().item(IngestOutcome.of(Result.UNKNOWN_ACTIVITY));
            }
            if (sameFacts(activity, device)) {
                return Uni.createFrom().item(new IngestOutcome(Result.DUPLICATE, activity.id));
            }
            fill(activity, device);
            return activities.publishCorrection(activity).replaceWith(new IngestOutcome(Result.UPDATED, activity.id));
        });
    }

    /**
     * Deletes the activity a provider activity stands for, and leaves tombstones so a late "created" cannot bring
     * it back. A deletion of something never seen leaves a tombstone too.
     */
    private Uni<IngestOutcome> remove(Version version) {
        DeviceActivity device = version.activity();
        return source(device).chain(source -> {
            if (source == null) {
                ActivitySource tombstone = ActivitySource.of(device.provider(), device.providerActivityId(), null, version.at());
                tombstone.deleted = true;
                return tombstone.persist().replaceWith(IngestOutcome.of(Result.UNKNOWN_ACTIVITY));
            }
            if (source.removedHere()) {
                // The runner deleted it first; now the provider has too, so no later version may bring it back.
                source.tombstone();
                return Uni.createFrom().item(IngestOutcome.of(Result.DELETED_BY_RUNNER));
            }
            if (source.deleted) {
                return Uni.createFrom().item(IngestOutcome.of(Result.UNKNOWN_ACTIVITY));
            }
            UUID activityId = source.activityId;
            // Changed as entities, not by a bulk update, so rows this session already holds do not go stale.
            return ActivitySource.<ActivitySource>list("activityId", activityId)
                    .invoke(sources -> sources.forEach(ActivitySource::tombstone))
                    .chain(() -> Activity.<Activity>findById(activityId, LockModeType.PESSIMISTIC_WRITE))
                    .chain(activity -> activity == null
                            ? Uni.createFrom().item(IngestOutcome.of(Result.UNKNOWN_ACTIVITY))
                            : activities.remove(activity).replaceWith(new IngestOutcome(Result.DELETED, activityId)));
        });
    }

    private static Uni<ActivitySource> source(DeviceActivity device) {
        return ActivitySource.findById(keyOf(device));
    }

    private static ActivitySource.Key keyOf(DeviceActivity device) {
        return new ActivitySource.Key(device.provider().code(), device.providerActivityId());
    }

    /** An activity of the runner that is the same run as {@code device}, as another provider reported it. */
    private static Uni<Activity> sameRun(String runnerId, DeviceActivity device) {
        Instant start = device.startTime().toInstant();
        return Activity.<Activity>list("runnerId = ?1 and startTime >= ?2 and startTime <= ?3", runnerId,
                        start.minus(SAME_START), start.plus(SAME_START))
                .map(candidates -> candidates.stream()
                        .filter(a -> similarDistance(a.distanceMetres, device.distanceMetres()))
                        .findFirst().orElse(null));
    }

    static boolean similarDistance(double a, double b) {
        double larger = Math.max(a, b);
        return larger == 0 || Math.abs(a - b) <= SAME_DISTANCE_SHARE * larger;
    }

    private static boolean sameFacts(Activity activity, DeviceActivity device) {
        return activity.sport.equals(device.sport().code())
                && activity.startTime.equals(device.startTime().toInstant())
                && activity.durationSeconds == device.durationSeconds()
                && Math.round(activity.distanceMetres) == Math.round(device.distanceMetres())
                && Objects.equals(activity.averageHeartRate, device.averageHeartRate());
    }

    private static void fill(Activity activity, DeviceActivity device) {
        activity.sport = device.sport().code();
        activity.startTime = device.startTime().toInstant();
        activity.startOffsetSeconds = device.startTime().getOffset().getTotalSeconds();
        activity.durationSeconds = device.durationSeconds();
        activity.distanceMetres = device.distanceMetres();
        activity.averageHeartRate = device.averageHeartRate();
    }

    private static WebhookReceipt receipt(Provider provider, String providerUserId, String deliveryId, Operation operation,
            Version version, String state) {
        WebhookReceipt receipt = new WebhookReceipt();
        receipt.id = UUID.randomUUID();
        receipt.provider = provider.code();
        receipt.providerUserId = providerUserId;
        receipt.deliveryId = deliveryId;
        receipt.operation = operation.name();
        receipt.payload = EventJson.write(version);
        receipt.state = state;
        receipt.receivedAt = Instant.now();
        receipt.appliedAt = WebhookReceipt.APPLIED.equals(state) ? receipt.receivedAt : null;
        return receipt;
    }

    private static Version read(String json) {
        try {
            return EventJson.mapper().readValue(json, Version.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored webhook receipt is unreadable: " + e.getOriginalMessage(), e);
        }
    }

    /** An activity as one delivery described it, and the provider's time of that version (null when not given). */
    record Version(DeviceActivity activity, Instant at) {
    }

    /** What a delivery asks for. */
    enum Operation {
        UPSERT,
        DELETE
    }
}
