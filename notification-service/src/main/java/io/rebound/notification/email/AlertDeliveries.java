package io.rebound.notification.email;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.rebound.events.AlertAcknowledged;
import io.rebound.events.AlertWithdrawn;
import io.rebound.events.EventJson;
import io.rebound.events.OverloadAlertRaised;
import io.rebound.events.Severity;
import io.rebound.notification.contacts.Contact;
import io.rebound.notification.contacts.ContactDirectory;
import io.rebound.support.inbox.ProcessedEvents;
import io.rebound.support.messaging.IncomingEvents.Received;
import io.rebound.support.telemetry.TraceContext;
import io.rebound.support.work.AfterCommit;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Turns an alert into the deliveries docs/domain.md "Who hears what" asks for: the runner at once for WARNING and
 * OVERLOAD, the PT at once for OVERLOAD (and for WARNING when the runner is marked injured) and otherwise through
 * the daily digest for WARNING, nobody for ADVISORY.
 */
@ApplicationScoped
public class AlertDeliveries {

    public static final String CONSUMER = "notification-alerts";

    private static final String INSERT = "INSERT INTO delivery (id, alert_id, runner_id, recipient_role, recipient_id,"
            + " recipient_name, recipient_email, runner_name, pt_name, severity, state, attempts, subject, alert_payload,"
            + " created_at, next_attempt_at, traceparent, tracestate)"
            + " VALUES (:id, :alertId, :runnerId, :role, :recipientId, :name, :email, :runnerName, :ptName, :severity,"
            + " :state, 0, :subject, :payload, now(), now(), :traceparent, :tracestate)"
            + " ON CONFLICT (alert_id, recipient_role, kind) DO NOTHING";

    // Emails not yet with the SMTP server are stopped; SENT ones get a notice (below).
    private static final String WITHDRAW = "UPDATE delivery SET state = 'WITHDRAWN'"
            + " WHERE alert_id = :alertId AND runner_id = :runnerId AND state IN ('PENDING', 'PENDING_DIGEST')";

    // A SENDING email may already be with the SMTP server: it is marked, and the sender finishes the withdrawal once
    // SMTP has answered (a notice if it was sent, WITHDRAWN if it was refused).
    private static final String MARK_SENDING = "UPDATE delivery SET withdrawn_note = :note"
            + " WHERE alert_id = :alertId AND runner_id = :runnerId AND state = 'SENDING' AND kind = 'ALERT'";

    // Only the PT's WARNINGs still waiting for the digest: whatever went out, or is going out, stays as it is.
    private static final String ACKNOWLEDGE = "UPDATE delivery SET state = 'ACKNOWLEDGED'"
            + " WHERE alert_id = :alertId AND runner_id = :runnerId AND recipient_role = 'PT' AND kind = 'ALERT'"
            + " AND state = 'PENDING_DIGEST'";

    private final ProcessedEvents processed;
    private final ContactDirectory contacts;
    private final AlertEmails emails;
    private final DeliverySender sender;

    public AlertDeliveries(ProcessedEvents processed, ContactDirectory contacts, AlertEmails emails,
            DeliverySender sender) {
        this.processed = processed;
        this.contacts = contacts;
        this.emails = emails;
        this.sender = sender;
    }

    /**
     * Records the deliveries of an alert, once per event id and once per (alert, recipient) whatever the event
     * id; answers how many emails are now due. Fails with {@link ContactNotYetKnownException} while the runner's
     * plan has not arrived, rolling everything back so a retry starts clean.
     */
    public Uni<Integer> record(Received<OverloadAlertRaised> received) {
        return AfterCommit.transaction(() -> processed.firstDelivery(CONSUMER, received.id())
                .chain(first -> first ? deliveriesOf(received.event()) : Uni.createFrom().item(0))
                .invoke(due -> {
                    if (due > 0) {
                        sender.wakeAfterCommit();
                    }
                }));
    }

    /**
     * Withdraws the deliveries of an alert that have not gone out, once per event id; answers how many it
     * withdrew.
     */
    public Uni<Integer> withdraw(Received<AlertWithdrawn> received) {
        AlertWithdrawn withdrawn = received.event();
        return AfterCommit.transaction(() -> processed.firstDelivery(CONSUMER, received.id())
                .chain(first -> !first ? Uni.createFrom().item(0) : Panache.getSession()
                        .chain(session -> session.createNativeQuery(WITHDRAW)
                                .setParameter("alertId", withdrawn.alertId())
                                .setParameter("runnerId", withdrawn.runnerId())
                                .executeUpdate()
                                .chain(() -> session.createNativeQuery(MARK_SENDING)
                                        .setParameter("alertId", withdrawn.alertId())
                                        .setParameter("runnerId", withdrawn.runnerId())
                                        .setParameter("note", withdrawn.reason())
                                        .executeUpdate()))
                        .chain(() -> notices(withdrawn))));
    }

    /**
     * Takes the PT's deliveries of an acknowledged alert out of the digest, once per event id; answers how many. An
     * alert this service never had (an ADVISORY, or one from before its ledger) changes nothing.
     */
    public Uni<Integer> acknowledge(Received<AlertAcknowledged> received) {
        AlertAcknowledged acknowledged = received.event();
        return Panache.withTransaction(() -> processed.firstDelivery(CONSUMER, received.id())
                .chain(first -> !first ? Uni.createFrom().item(0) : Panache.getSession()
                        .chain(session -> session.createNativeQuery(ACKNOWLEDGE)
                                .setParameter("alertId", acknowledged.alertId())
                                .setParameter("runnerId", acknowledged.runnerId())
                                .executeUpdate())));
    }

    /** A WITHDRAWAL delivery for each recipient who was already sent the alert; answers how many are due. */
    private Uni<Integer> notices(AlertWithdrawn withdrawn) {
        return Delivery.<Delivery>list("alertId = ?1 and runnerId = ?2 and kind = ?3 and state = ?4", withdrawn.alertId(),
                        withdrawn.runnerId(), Delivery.ALERT, DeliveryState.SENT)
                .chain(sent -> Multi.createFrom().iterable(sent)
                        .onItem().transformToUniAndConcatenate(original -> noticeOnce(original, withdrawn.reason()))
                        .collect().asList()
                        .map(due -> due.stream().mapToInt(Integer::intValue).sum()));
    }

    /**
     * The notice that the alert this recipient was emailed no longer applies; answers 1 if one is now due, 0 if that
     * recipient already has one. For an email SMTP took after its alert was withdrawn (it was on its way when the
     * withdrawal came) the sender calls it too. Call in a transaction; the sender is woken once it has committed.
     */
    public Uni<Integer> noticeOnce(Delivery original, String note) {
        return Delivery.count("alertId = ?1 and recipientRole = ?2 and kind = ?3", original.alertId,
                        original.recipientRole, Delivery.WITHDRAWAL)
                .chain(existing -> existing > 0 ? Uni.createFrom().item(0)
                        : notice(original, note).persist().invoke(sender::wakeAfterCommit).replaceWith(1));
    }

    private Delivery notice(Delivery original, String note) {
        Delivery notice = new Delivery();
        notice.id = UUID.randomUUID();
        notice.alertId = original.alertId;
        notice.runnerId = original.runnerId;
        notice.recipientRole = original.recipientRole;
        notice.recipientId = original.recipientId;
        notice.recipientName = original.recipientName;
        notice.recipientEmail = original.recipientEmail;
        notice.runnerName = original.runnerName;
        notice.ptName = original.ptName;
        notice.severity = original.severity;
        notice.state = DeliveryState.PENDING;
        notice.subject = emails.withdrawalSubject(original.subject);
        notice.alertPayload = original.alertPayload;
        notice.createdAt = Instant.now();
        notice.nextAttemptAt = notice.createdAt;
        notice.kind = Delivery.WITHDRAWAL;
        notice.note = note;
        TraceContext trace = TraceContext.current();
        notice.traceparent = trace.traceparent();
        notice.tracestate = trace.tracestate();
        return notice;
    }

    @WithSession
    public Uni<List<Delivery>> list(String runnerId, int limit) {
        return Delivery.<Delivery>find("runnerId = ?1 order by createdAt desc, recipientRole", runnerId)
                .range(0, limit - 1).list();
    }

    private Uni<Integer> deliveriesOf(OverloadAlertRaised alert) {
        if (alert.severity() == Severity.ADVISORY) {
            return Uni.createFrom().item(0);
        }
        return contacts.find(alert.runnerId()).chain(contact -> {
            if (contact == null) {
                return Uni.createFrom().failure(new ContactNotYetKnownException(alert.runnerId()));
            }
            String payload = EventJson.write(alert);
            List<Row> rows = new ArrayList<>();
            rows.add(new Row(RecipientRole.RUNNER, contact.runnerId, contact.runnerName, contact.runnerEmail,
                    DeliveryState.PENDING));
            rows.add(new Row(RecipientRole.PT, contact.ptId, contact.ptName, contact.ptEmail,
                    alert.severity() == Severity.OVERLOAD || contact.injured ? DeliveryState.PENDING : DeliveryState.PENDING_DIGEST));
            return Multi.createFrom().iterable(rows)
                    .onItem().<Integer>transformToUniAndConcatenate(row -> insert(alert, contact, row, payload))
                    .collect().asList()
                    .map(due -> due.stream().mapToInt(Integer::intValue).sum());
        });
    }

    private Uni<Integer> insert(OverloadAlertRaised alert, Contact contact, Row row, String payload) {
        TraceContext trace = TraceContext.current();
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(INSERT)
                        .setParameter("id", UUID.randomUUID())
                        .setParameter("alertId", alert.alertId())
                        .setParameter("runnerId", alert.runnerId())
                        .setParameter("role", row.role().name())
                        .setParameter("recipientId", row.recipientId())
                        .setParameter("name", row.name())
                        .setParameter("email", row.email())
                        .setParameter("runnerName", contact.runnerName)
                        .setParameter("ptName", contact.ptName)
                        .setParameter("severity", alert.severity().name())
                        .setParameter("state", row.state().name())
                        .setParameter("subject", emails.subject(row.role(), alert, contact.runnerName))
                        .setParameter("payload", payload)
                        .setParameter("traceparent", trace.traceparent())
                        .setParameter("tracestate", trace.tracestate())
                        .executeUpdate())
                .map(inserted -> inserted == 1 && row.state() == DeliveryState.PENDING ? 1 : 0);
    }

    /** One recipient of an alert. */
    private record Row(RecipientRole role, String recipientId, String name, String email, DeliveryState state) {
    }
}
