package io.rebound.notification.email;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One email owed to one recipient for one alert. Unique per (alert, role), so an alert redelivered or republished
 * under another event id still yields one email per person.
 */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "alert_id", nullable = false)
    public UUID alertId;

    @Column(name = "runner_id", nullable = false)
    public String runnerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "recipient_role", nullable = false)
    public RecipientRole recipientRole;

    /** The runner's runnerId, or the PT's id as the runner's plan gave it when the alert came. */
    @Column(name = "recipient_id", nullable = false)
    public String recipientId;

    @Column(name = "recipient_name", nullable = false)
    public String recipientName;

    @Column(name = "recipient_email", nullable = false)
    public String recipientEmail;

    /** Names as they were when the alert arrived, so a retry renders the same email. */
    @Column(name = "runner_name", nullable = false)
    public String runnerName;

    @Column(name = "pt_name", nullable = false)
    public String ptName;

    @Column(nullable = false)
    public String severity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryState state;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(nullable = false)
    public String subject;

    /** The OverloadAlertRaised JSON, everything the email is rendered from. */
    @Column(name = "alert_payload", nullable = false)
    public String alertPayload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "claimed_at")
    public Instant claimedAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** ALERT, or WITHDRAWAL: the note that an alert already sent no longer applies. */
    @Column(nullable = false)
    public String kind = ALERT;

    /** For a withdrawal, why the alert no longer holds, in plan-service's words. */
    public String note;

    /**
     * Set when the alert was withdrawn while this email was with the SMTP server (the withdrawal's reason): once
     * SMTP has answered, a notice follows if it took the email, and the delivery ends WITHDRAWN if it did not.
     */
    @Column(name = "withdrawn_note")
    public String withdrawnNote;

    /** The PT digest this WARNING went out in. */
    @Column(name = "digest_id")
    public UUID digestId;

    /** The W3C trace context the delivery was recorded in: sending it continues that trace. */
    public String traceparent;

    public String tracestate;

    public static final String ALERT = "ALERT";
    public static final String WITHDRAWAL = "WITHDRAWAL";

    public boolean isWithdrawal() {
        return WITHDRAWAL.equals(kind);
    }
}
