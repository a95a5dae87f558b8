package io.rebound.notification.email;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/**
 * {@code rebound_emails_total{kind,outcome}}: what became of each email attempt, counted once its outcome is
 * committed. Tags are closed sets, never an address or an id.
 */
@ApplicationScoped
public class EmailMetrics {

    /** What an email is. */
    public enum Kind { ALERT, WITHDRAWAL, DIGEST }

    /**
     * What became of it: SENT (SMTP accepted it), RETRIED (refused, tried again later), FAILED (given up on and
     * dead-lettered), SUPPRESSED (closed unsent: unsubscribed, or the digest turned off), DEFERRED (held for quiet
     * hours).
     */
    public enum Outcome { SENT, RETRIED, FAILED, SUPPRESSED, DEFERRED }

    private final MeterRegistry registry;

    public EmailMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Kind kind : Kind.values()) {
            for (Outcome outcome : Outcome.values()) {
                counter(kind, outcome);
            }
        }
    }

    public void count(Kind kind, Outcome outcome) {
        counter(kind, outcome).increment();
    }

    /** The kind of a delivery row. */
    public static Kind kindOf(Delivery row) {
        return row.isWithdrawal() ? Kind.WITHDRAWAL : Kind.ALERT;
    }

    private Counter counter(Kind kind, Outcome outcome) {
        return Counter.builder("rebound.emails")
                .description("Email attempts by kind (alert, withdrawal, digest) and outcome (sent, retried, failed,"
                        + " suppressed, deferred)")
                .tags("kind", kind.name().toLowerCase(Locale.ROOT), "outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(registry);
    }
}
