package io.rebound.notification.email;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.scheduler.Scheduled;
import io.rebound.notification.NotificationConfig;
import io.rebound.notification.preferences.RecipientPolicy;
import io.rebound.support.telemetry.TraceContext;
import io.rebound.support.vertx.SafeContexts;
import io.rebound.support.work.AfterCommit;
import io.rebound.support.work.WorkQueue;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Sends due deliveries over SMTP and records the outcome. It wakes up as soon as an alert's deliveries commit,
 * and sweeps on a timer for retries and for rows a crashed process left claimed. Rows are claimed with SKIP
 * LOCKED, so several instances can send side by side without sending a row twice.
 */
@ApplicationScoped
public class DeliverySender {

    /** Due rows, plus rows whose claim is older than the stale-claim age (their sender died mid-send). */
    private static final String CLAIM = "SELECT * FROM delivery"
            + " WHERE (state = 'PENDING' AND next_attempt_at <= now())"
            + " OR (state = 'SENDING' AND claimed_at < :staleBefore)"
            + " ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED";

    // A crash after SMTP accepted a message but before this update commits leaves the row SENDING, so it is sent
    // again once, with the same Message-ID (messageId): never a lost email. A failed update without a crash (the
    // database was down) is remembered in sentNotRecorded instead, so that case sends nothing twice.
    private static final String SENT = "UPDATE delivery SET state = 'SENT', sent_at = now(), attempts = attempts + 1,"
            + " last_error = NULL WHERE id = :id AND state = 'SENDING'";

    private static final String WITHDRAWN_NOTE = "SELECT withdrawn_note FROM delivery WHERE id = :id";

    private final SmtpClient smtp;
    private final DeliveryEmails mails;
    private final NotificationConfig config;
    private final FailedDeliveries failed;
    private final EmailMetrics metrics;
    private final Tracer tracer;
    private final Vertx vertx;
    private final RecipientPolicy policy;
    private final AlertDeliveries deliveries;
    /**
     * Deliveries SMTP accepted whose SENT could not be recorded (the database was unreachable): their claim goes
     * stale and is taken again, and then only SENT is recorded, the email not sent a second time.
     */
    private final Set<UUID> sentNotRecorded = ConcurrentHashMap.newKeySet();
    private final WorkQueue queue;

    public DeliverySender(SmtpClient smtp, DeliveryEmails mails, NotificationConfig config, FailedDeliveries failed,
            EmailMetrics metrics, Tracer tracer, Vertx vertx, RecipientPolicy policy, AlertDeliveries deliveries) {
        this.smtp = smtp;
        this.mails = mails;
        this.config = config;
        this.failed = failed;
        this.metrics = metrics;
        this.tracer = tracer;
        this.vertx = vertx;
        this.policy = policy;
        this.deliveries = deliveries;
        // Every step it waits for is bounded in time (see database() and SmtpClient), so a drain always ends and
        // releases the next.
        this.queue = new WorkQueue("delivery sender", vertx, context -> sendBatch());
        queue.start();
    }

    /** Sends what the transaction under way here makes due, once it has committed. */
    public void wakeAfterCommit() {
        AfterCommit.wake(queue);
    }

    @Scheduled(every = "${rebound.notification.sweep-interval:2s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        queue.wakeUp();
    }

    /** Once the application stops, the database pool is going away: what is due is sent after the next start. */
    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        queue.stop(Duration.ZERO);
    }

    /**
     * Claims a batch and sends it, several at once (send-concurrency); a full batch means more may be due. Each
     * delivery's outcome stays its own: one that fails (SMTP refused it, or the database failed after SMTP had
     * taken it) never cancels the sends beside it, which may already be in SMTP's hands.
     */
    private Uni<Boolean> sendBatch() {
        return database(this::claim)
                .chain(rows -> Multi.createFrom().iterable(rows)
                        .onItem().transformToUni(this::sendAlone).merge(config.sendConcurrency())
                        .collect().asList()
                        .replaceWith(rows.size() >= config.batchSize()));
    }

    private Uni<Void> sendAlone(Delivery row) {
        return send(row).onFailure().recoverWithUni(failure -> {
            Log.warnf("delivery %s: not sent or not recorded (%s); it is due again once its claim is %d s old", row.id,
                    failure.getMessage(), config.staleClaim().toSeconds());
            return Uni.createFrom().voidItem();
        });
    }

    /**
     * Runs one step's database work on a Vert.x context of its own (a step that failed midway leaves nothing
     * behind for the next), and fails it if the database gives no answer within the database timeout, as a
     * connection lost mid-query may not: the email behind it is then due again, not stuck.
     */
    private <T> Uni<T> database(Supplier<Uni<? extends T>> work) {
        Duration timeout = config.databaseTimeout();
        return SafeContexts.on(SafeContexts.fresh(vertx), work)
                .ifNoItem().after(timeout)
                .failWith(() -> new TimeoutException(
                        "the database gave no answer within " + timeout.toMillis() + " ms"));
    }

    private Uni<List<Delivery>> claim() {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(CLAIM, Delivery.class)
                        .setParameter("staleBefore", now.minus(config.staleClaim()).atOffset(ZoneOffset.UTC))
                        .setParameter("limit", config.batchSize())
                        .getResultList())
                .invoke(rows -> rows.forEach(row -> {
                    row.state = DeliveryState.SENDING;
                    row.claimedAt = now;
                })));
    }

    /** Asks the recipient's preferences first: the email may be suppressed or held for quiet hours instead. */
    private Uni<Void> send(Delivery row) {
        if (sentNotRecorded.contains(row.id)) {
            return markSent(row);
        }
        return database(() -> policy.clearToSend(row, Instant.now()))
                .chain(clear -> clear ? sendNow(row) : Uni.createFrom().voidItem());
    }

    private Uni<Void> sendNow(Delivery row) {
        return rendered(row).onItemOrFailure().transformToUni((mail, failure) -> {
            if (failure instanceof RuntimeException cannotRender) {
                return database(() -> failed.cannotRender(row, cannotRender));
            }
            return failure == null ? sendRendered(row, mail) : Uni.createFrom().failure(failure);
        });
    }

    /**
     * The delivery's email, rendered on a worker thread: drawing the chart and filling the templates is CPU work
     * that would hold up every send and query sharing this event loop. The Mail comes back on this context.
     */
    private Uni<Mail> rendered(Delivery row) {
        return Uni.createFrom().completionStage(() -> vertx.executeBlocking(() -> mails.of(row), false).toCompletionStage());
    }

    private Uni<Void> sendRendered(Delivery row, Mail mail) {
        Span span = tracer.spanBuilder("send email")
                .setParent(new TraceContext(row.traceparent, row.tracestate).asParent())
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute("rebound.email.kind", EmailMetrics.kindOf(row).name().toLowerCase(Locale.ROOT))
                .setAttribute("rebound.email.recipient_role", row.recipientRole.name())
                .setAttribute("rebound.delivery.id", row.id.toString())
                .startSpan();
        return smtp.send(mail)
                .onItemOrFailure().invoke((ignored, failure) -> {
                    if (failure != null) {
                        span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
                    }
                    span.end();
                })
                .onItemOrFailure().transformToUni((ignored, failure) -> failure == null
                        ? markSent(row)
                        : database(() -> failed.attemptFailed(row, failure)));
    }

    /**
     * Records the email as SENT. If its alert was withdrawn while the email was on its way, the recipient now has an
     * alert that no longer applies: the notice saying so is made due in the same transaction.
     */
    private Uni<Void> markSent(Delivery row) {
        return database(() -> AfterCommit.transaction(() -> Panache.getSession()
                        .chain(session -> session.createNativeQuery(SENT).setParameter("id", row.id).executeUpdate()
                                .chain(updated -> updated == 0 ? Uni.createFrom().item(0) : session
                                        .createNativeQuery(WITHDRAWN_NOTE, String.class).setParameter("id", row.id)
                                        .getSingleResultOrNull()
                                        .chain(note -> note == null ? Uni.createFrom().item(0)
                                                : deliveries.noticeOnce(row, note))))))
                .invoke(notices -> {
                    if (notices > 0) {
                        Log.infof("alert %s was withdrawn while its %s email was on its way: a notice is due",
                                row.alertId, row.recipientRole);
                    }
                })
                .invoke(() -> {
                    sentNotRecorded.remove(row.id);
                    metrics.count(EmailMetrics.kindOf(row), EmailMetrics.Outcome.SENT);
                    Log.infof("sent %s email for alert %s (delivery %s)", row.recipientRole, row.alertId, row.id);
                })
                .onFailure().invoke(failure -> {
                    sentNotRecorded.add(row.id);
                    Log.warnf("delivery %s was sent but could not be recorded as SENT (%s); it will be recorded, not"
                            + " sent again, once its claim is taken again", row.id, failure.getMessage());
                })
                .replaceWithVoid();
    }
}
