package io.rebound.notification.preferences;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.rebound.events.Severity;
import io.rebound.notification.contacts.Contact;
import io.rebound.notification.email.Delivery;
import io.rebound.notification.email.EmailMetrics;
import io.rebound.notification.email.RecipientRole;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * What a recipient's preferences mean for an email they are owed: send it, close it unsent (SUPPRESSED), or hold
 * it until their quiet hours end. The decisions are pure functions of the settings and an explicit instant; the
 * bean around them loads the settings and records the outcome.
 */
@ApplicationScoped
public class RecipientPolicy {

    private static final String SUPPRESS = "UPDATE delivery SET state = 'SUPPRESSED' WHERE id = :id AND state = 'SENDING'";

    /** Back to PENDING without counting an attempt: holding an email for quiet hours is not a failure to send it. */
    private static final String DEFER = "UPDATE delivery SET state = 'PENDING', next_attempt_at = :until"
            + " WHERE id = :id AND state = 'SENDING'";

    private final EmailMetrics metrics;

    public RecipientPolicy(EmailMetrics metrics) {
        this.metrics = metrics;
    }

    /**
     * Decides for one delivery claimed for sending; records a SUPPRESS or DEFER itself, in its own transaction.
     * Answers true when the email should go out now. Run on a safe Vert.x context.
     */
    public Uni<Boolean> clearToSend(Delivery row, Instant now) {
        return Panache.withTransaction(() -> settings(row).chain(settings -> {
            Decision decision = decide(settings, isOverloadAlert(row), now);
            return switch (decision.action()) {
                case SEND -> Uni.createFrom().item(decision.action());
                case SUPPRESS -> update(SUPPRESS, row, null)
                        .invoke(() -> Log.infof("delivery %s (%s, alert %s) suppressed: %s", row.id, row.recipientRole,
                                row.alertId, decision.reason()))
                        .replaceWith(decision.action());
                case DEFER -> update(DEFER, row, decision.until())
                        .invoke(() -> Log.infof("delivery %s (%s, alert %s) held until %s: %s", row.id,
                                row.recipientRole, row.alertId, decision.until(), decision.reason()))
                        .replaceWith(decision.action());
            };
        })).map(action -> {
            switch (action) {
                case SUPPRESS -> metrics.count(EmailMetrics.kindOf(row), EmailMetrics.Outcome.SUPPRESSED);
                case DEFER -> metrics.count(EmailMetrics.kindOf(row), EmailMetrics.Outcome.DEFERRED);
                case SEND -> { }
            }
            return action == Decision.Action.SEND;
        });
    }

    /**
     * Whether the digest of the PT at this address goes out at {@code now}, and for which local date. The
     * digest is due at {@code sendAt} local time, or when the quiet hours around it end. Call in a session.
     *
     * @param ptId     the PT's recipient id, whose preferences decide
     * @param planZone the zone the digest follows when the PT chose none
     */
    public Uni<DigestDue> digest(String ptId, String ptEmail, ZoneId planZone, Instant now, LocalTime sendAt) {
        return settings(ptId, ptEmail, planZone).map(settings -> {
            Decision decision = decideDigest(settings);
            if (decision.action() == Decision.Action.SUPPRESS) {
                return DigestDue.suppressed(decision.reason());
            }
            return digestDay(now, settings.zone(), settings.quietHours(), sendAt)
                    .map(day -> DigestDue.dueFor(day, settings.zone()))
                    .orElseGet(() -> DigestDue.notYet(settings.zone()));
        });
    }

    /**
     * An email owed now: an unsubscribed address gets nothing; inside quiet hours only an OVERLOAD alert goes
     * out, anything else (WARNINGs, withdrawal notices) waits until they end.
     */
    static Decision decide(RecipientSettings settings, boolean overloadAlert, Instant now) {
        if (settings.unsubscribed()) {
            return Decision.suppress("the address unsubscribed");
        }
        if (overloadAlert || settings.quietHours() == null) {
            return Decision.send();
        }
        return settings.quietHours().endAround(now, settings.zone())
                .map(end -> Decision.defer(end, "quiet hours " + settings.quietHours() + " in " + settings.zone()))
                .orElse(Decision.send());
    }

    /** A PT's digest of WARNINGs: none for an unsubscribed address or a PT who turned it off. */
    static Decision decideDigest(RecipientSettings settings) {
        if (settings.unsubscribed()) {
            return Decision.suppress("the address unsubscribed");
        }
        return settings.digest() ? Decision.send() : Decision.suppress("the PT turned the daily digest off");
    }

    /**
     * When the digest of a local date is due: at {@code sendAt} that day, or, when that falls within the quiet
     * hours, at their end (which may be on the next day for quiet hours across midnight).
     */
    static Instant digestDueAt(LocalDate day, ZoneId zone, QuietHours quiet, LocalTime sendAt) {
        Instant usual = ZonedDateTime.of(day, sendAt, zone).toInstant();
        if (quiet == null || !quiet.contains(sendAt)) {
            return usual;
        }
        return quiet.endAround(usual, zone).orElse(usual);
    }

    /**
     * The local date whose digest is due at {@code now}: today once its due time has come; or yesterday, when
     * quiet hours pushed yesterday's digest past midnight and that time has come. Empty when none is due yet.
     * Whether that day's digest went out already is the caller's to check.
     */
    static Optional<LocalDate> digestDay(Instant now, ZoneId zone, QuietHours quiet, LocalTime sendAt) {
        LocalDate today = now.atZone(zone).toLocalDate();
        if (!now.isBefore(digestDueAt(today, zone, quiet, sendAt))) {
            return Optional.of(today);
        }
        LocalDate yesterday = today.minusDays(1);
        Instant yesterdays = digestDueAt(yesterday, zone, quiet, sendAt);
        if (yesterdays.atZone(zone).toLocalDate().equals(today) && !now.isBefore(yesterdays)) {
            return Optional.of(yesterday);
        }
        return Optional.empty();
    }

    private static boolean isOverloadAlert(Delivery row) {
        return !row.isWithdrawal() && Severity.OVERLOAD.name().equals(row.severity);
    }

    /** The delivery's recipient's settings; the zone of the runner's plan stands in when they chose none. */
    private Uni<RecipientSettings> settings(Delivery row) {
        boolean pt = row.recipientRole == RecipientRole.PT;
        return Contact.<Contact>findById(row.runnerId).chain(contact -> {
            ZoneId planZone = contact == null ? ZoneOffset.UTC
                    : RecipientDirectory.zone(pt ? contact.ptZoneOrRunners() : contact.timeZone);
            return settings(row.recipientId, row.recipientEmail, planZone);
        });
    }

    private static Uni<RecipientSettings> settings(String recipientId, String email, ZoneId planZone) {
        return UnsubscribedAddress.<UnsubscribedAddress>findById(RecipientIds.normalized(email))
                .chain(unsubscribed -> RecipientPreferences.<RecipientPreferences>findById(recipientId)
                        .map(stored -> stored == null
                                ? new RecipientSettings(unsubscribed != null, true, null, planZone)
                                : new RecipientSettings(unsubscribed != null, stored.digest, stored.quietHours(),
                                        stored.timeZone == null ? planZone : RecipientDirectory.zone(stored.timeZone))));
    }

    private static Uni<Integer> update(String sql, Delivery row, Instant until) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql).setParameter("id", row.id);
            if (until != null) {
                query.setParameter("until", until.atOffset(ZoneOffset.UTC));
            }
            return query.executeUpdate();
        });
    }
}
