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

    public IngestService(ActivityService activities) {
        this.activities = activities;
    }

    /** An activity created or updated at the provider. */
    @WithTransaction
    public Uni<IngestOutcome> upsert(String providerUserId, String deliveryId, DeviceActivity activity) {
        return receive(activity.provider(), providerUserId, deliveryId, Operation.UPSERT, activity);
    }

    /** Several activities of one delivery, all stored or none. */
    @WithTransaction
    public Uni<List<IngestOutcome>> upsertAll(List<Delivered> deliveries) {
        return Multi.createFrom().iterable(deliveries)
                .onItem().transformToUniAndConcatenate(d -> receive(d.activity().provider(), d.providerUserId(), null,
                        Operation.UPSERT, d.activity()))
                .collect().asList();
    }

    /** One activity of a provider's user, as a batch delivery carries it. */
    public record Delivered(String providerUserId, DeviceActivity activity) {
    }

    /** An activity deleted at the provider. */
    @WithTransaction
    public Uni<IngestOutcome> delete(Provider provider, String providerUserId, String deliveryId, String providerActivityId) {
        DeviceActivity gone = new DeviceActivity(provider, providerActivityId, null, null, 0, 0, null);
        return receive(provider, providerUserId, deliveryId, Operation.DELETE, gone);
    }

    /** An activity the runner brought themselves (an uploaded file): no provider user to resolve. */
    @WithTransaction
    public Uni<IngestOutcome> own(String runnerId, DeviceActivity activity) {
        return apply(runnerId, activity);
    }

    /** An activity of a runner's own: no provider user to resolve. Call inside a transaction. */
    public Uni<IngestOutcome> apply(String runnerId, DeviceActivity activity) {
        return ActivitySource.<ActivitySource>findById(new ActivitySource.Key(activity.provider().code(), activity.providerActivityId()))
                .chain(source -> source != null
                        ? update(source.activityId, activity)
                        : sameRun(runnerId, activity).chain(same -> same != null
                                ? ActivitySource.of(activity.provider(), activity.providerActivityId(), same.id).persist()
                                        .replaceWith(new IngestOutcome(Result.DUPLICATE, same.id))
                                : create(runnerId, activity)));
    }

    /** Applies what a provider user sent before they were linked, oldest first. Call inside a transaction. */
    public Uni<Integer> replay(Provider provider, String providerUserId, String runnerId) {
        return WebhookReceipt.<WebhookReceipt>list("provider = ?1 and providerUserId = ?2 and state = ?3 order by receivedAt",
                        provider.code(), providerUserId, WebhookReceipt.UNLINKED)
                .chain(receipts -> Multi.createFrom().iterable(receipts)
                        .onItem().transformToUniAndConcatenate(receipt -> {
                            DeviceActivity activity = read(receipt.payload);
                            receipt.state = WebhookReceipt.APPLIED;
                            receipt.appliedAt = Instant.now();
                            return Operation.valueOf(receipt.operation) == Operation.DELETE
                                    ? remove(activity)
                                    : apply(runnerId, activity);
                        })
                        .collect().asList().map(List::size));
    }

    private Uni<IngestOutcome> receive(Provider provider, String providerUserId, String deliveryId, Operation operation,
            DeviceActivity activity) {
        Uni<Boolean> seen = deliveryId == null
                ? Uni.createFrom().item(false)
                : WebhookReceipt.count("provider = ?1 and deliveryId = ?2", provider.code(), deliveryId).map(n -> n > 0);
        return seen.chain(repeated -> {
            if (repeated) {
                return Uni.createFrom().item(IngestOutcome.of(Result.REPEATED_DELIVERY));
            }
            return DeviceLink.<DeviceLink>findById(LinkKey.of(provider, providerUserId)).chain(link -> {
                WebhookReceipt receipt = receipt(provider, providerUserId, deliveryId, operation, activity,
                        link == null ? WebhookReceipt.UNLINKED : WebhookReceipt.APPLIED);
                if (link == null) {
                    return receipt.persist().replaceWith(IngestOutcome.of(Result.UNLINKED));
                }
                Uni<IngestOutcome> applied = operation == Operation.DELETE ? remove(activity) : apply(link.runnerId, activity);
                return receipt.persist().chain(() -> applied);
            });
        });
    }

    private Uni<IngestOutcome> create(String runnerId, DeviceActivity device) {
        Activity activity = new Activity();
        activity.id = UUID.randomUUID();
        activity.runnerId = runnerId;
        activity.acceptedAt = activities.now();
        fill(activity, device);
        return activities.persistNew(activity)
                .chain(() -> ActivitySource.of(device.provider(), device.providerActivityId(), activity.id).persist())
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

    private Uni<IngestOutcome> remove(DeviceActivity device) {
        return ActivitySource.<ActivitySource>findById(new ActivitySource.Key(device.provider().code(), device.providerActivityId()))
                .chain(source -> source == null
                        ? Uni.createFrom().item(IngestOutcome.of(Result.UNKNOWN_ACTIVITY))
                        : Activity.<Activity>findById(source.activityId, LockModeType.PESSIMISTIC_WRITE).chain(activity ->
                                activity == null
                                        ? Uni.createFrom().item(IngestOutcome.of(Result.UNKNOWN_ACTIVITY))
                                        : activities.remove(activity).replaceWith(new IngestOutcome(Result.DELETED, activity.id))));
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
            DeviceActivity activity, String state) {
        WebhookReceipt receipt = new WebhookReceipt();
        receipt.id = UUID.randomUUID();
        receipt.provider = provider.code();
        receipt.providerUserId = providerUserId;
        receipt.deliveryId = deliveryId;
        receipt.operation = operation.name();
        receipt.payload = EventJson.write(activity);
        receipt.state = state;
        receipt.receivedAt = Instant.now();
        receipt.appliedAt = WebhookReceipt.APPLIED.equals(state) ? receipt.receivedAt : null;
        return receipt;
    }

    private static DeviceActivity read(String json) {
        try {
            return EventJson.mapper().readValue(json, DeviceActivity.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored webhook receipt is unreadable: " + e.getOriginalMessage(), e);
        }
    }

    /** What a delivery asks for. */
    enum Operation {
        UPSERT,
        DELETE
    }
}
