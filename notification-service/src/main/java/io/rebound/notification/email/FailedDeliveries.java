package io.rebound.notification.email;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.rebound.events.DeliveryFailed;
import io.rebound.notification.NotificationConfig;
import io.rebound.support.outbox.Outbox;
import io.rebound.support.work.AfterCommit;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;

/**
 * What becomes of a delivery whose attempt failed. While its retry window is open it waits out a jittered backoff
 * ({@link DeliveryBackoff}) as PENDING, so other deliveries due meanwhile go first; once the window is over, or
 * when it cannot be rendered at all, it becomes FAILED and one {@link DeliveryFailed} goes to
 * {@code notifications.dlq}. The FAILED update and the dead-letter record commit together through the outbox, so
 * neither is lost nor written twice. Run on a safe Vert.x context, as the sender does.
 */
@ApplicationScoped
public class FailedDeliveries {


    // An alert withdrawn while this email was on its way (withdrawn_note set) is not tried again.
    private static final String RESCHEDULE = "UPDATE delivery SET attempts = attempts + 1, last_error = :error,"
            + " next_attempt_at = :next, state = CASE WHEN withdrawn_note IS NULL THEN 'PENDING' ELSE 'WITHDRAWN' END"
            + " WHERE id = :id AND state = 'SENDING'";

    // Only the sender holding the claim moves the row, so a delivery fails, and is dead-lettered, once.
    private static final String FAIL = "UPDATE delivery SET state = 'FAILED', attempts = attempts + 1,"
            + " last_error = :error WHERE id = :id AND state = 'SENDING'";

    private final DeliveryBackoff backoff;
    private final Outbox outbox;
    private final String deadLetterTopic;
    private final EmailMetrics metrics;

    public FailedDeliveries(NotificationConfig config, Outbox outbox, EmailMetrics metrics) {
        this.deadLetterTopic = config.deadLetterTopic();
        this.backoff = DeliveryBackoff.of(config);
        this.outbox = outbox;
        this.metrics = metrics;
    }

    /** SMTP refused or could not be reached: try again later, or give up once the retry window is over. */
    public Uni<Void> attemptFailed(Delivery row, Throwable failure) {
        Instant now = Instant.now();
        int attempts = row.attempts + 1;
        String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        String logged = redacted(row, error);
        Optional<Instant> next = backoff.nextAttempt(row.createdAt, attempts, now);
        if (next.isEmpty()) {
            Log.errorf("delivery %s of alert %s failed %d times until its retry window closed at %s; giving up: %s",
                    row.id, row.alertId, attempts, backoff.deadline(row.createdAt), logged);
            return fail(row, DeliveryFailed.Reason.RETRY_WINDOW_OVER, error, now);
        }
        Log.warnf("delivery %s of alert %s failed (attempt %d), next try at %s: %s", row.id, row.alertId, attempts,
                next.get(), logged);
        return Panache.withTransaction(() -> Panache.getSession()
                        .chain(session -> session.createNativeQuery(RESCHEDULE)
                                .setParameter("id", row.id)
                                .setParameter("error", error)
                                .setParameter("next", next.get().atOffset(ZoneOffset.UTC))
                                .executeUpdate()))
                .invoke(() -> metrics.count(EmailMetrics.kindOf(row), EmailMetrics.Outcome.RETRIED))
                .replaceWithVoid();
    }

    /** The stored alert cannot be turned into an email; no retry would change that. */
    public Uni<Void> cannotRender(Delivery row, RuntimeException failure) {
        Log.errorf(failure, "delivery %s of alert %s cannot be rendered; marking it FAILED", row.id, row.alertId);
        return fail(row, DeliveryFailed.Reason.CANNOT_RENDER, "cannot render: " + failure.getMessage(), Instant.now());
    }

    private Uni<Void> fail(Delivery row, DeliveryFailed.Reason reason, String error, Instant now) {
        DeliveryFailed event = new DeliveryFailed(row.id, row.alertId, row.runnerId, row.recipientRole.name(), row.kind,
                reason, row.attempts + 1, row.createdAt, now,
                redacted(row, error));
        return AfterCommit.transaction(() -> Panache.getSession()
                        .chain(session -> session.createNativeQuery(FAIL)
                                .setParameter("id", row.id)
                                .setParameter("error", error)
                                .executeUpdate())
                        .chain(updated -> updated == 1
                                ? outbox.stage(deadLetterTopic, row.runnerId, DeliveryFailed.TYPE, event.eventId(), event, now)
                                        .replaceWith(true)
                                : Uni.createFrom().item(false)))
                .invoke(failedNow -> {
                    if (failedNow) {
                        metrics.count(EmailMetrics.kindOf(row), EmailMetrics.Outcome.FAILED);
                    }
                })
                .replaceWithVoid();
    }

    /** The error without the addresses and names it may quote: for logs and the dead-letter record. */
    private static String redacted(Delivery row, String error) {
        return Redaction.withoutPersonalData(error, Arrays.asList(row.recipientName, row.runnerName, row.ptName));
    }
}
