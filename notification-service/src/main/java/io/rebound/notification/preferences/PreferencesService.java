package io.rebound.notification.preferences;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.rebound.support.problem.Problem;
import io.rebound.support.problem.ProblemException;
import io.rebound.support.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Reads and stores recipients' preferences, and unsubscribes addresses. */
@ApplicationScoped
public class PreferencesService {

    private static final String UPSERT = "INSERT INTO recipient_preferences (recipient_id, role, email, digest,"
            + " quiet_from, quiet_to, time_zone, updated_at)"
            + " VALUES (:id, :role, :email, :digest, :from, :to, :zone, :now)"
            + " ON CONFLICT (recipient_id) DO UPDATE SET role = EXCLUDED.role, email = EXCLUDED.email,"
            + " digest = EXCLUDED.digest, quiet_from = EXCLUDED.quiet_from, quiet_to = EXCLUDED.quiet_to,"
            + " time_zone = EXCLUDED.time_zone, updated_at = EXCLUDED.updated_at";

    /** A second click on the link finds the address already there and changes nothing. */
    private static final String UNSUBSCRIBE = "INSERT INTO unsubscribed_address (email, recipient_id, unsubscribed_at)"
            + " VALUES (:email, :id, :now) ON CONFLICT (email) DO NOTHING";

    private final RecipientDirectory directory;

    public PreferencesService(RecipientDirectory directory) {
        this.directory = directory;
    }

    /** The recipient's preferences, if the caller may see them ({@link PreferencesAccess}); else 404. */
    @WithSession
    public Uni<PreferencesView> get(Caller caller, String recipientId) {
        return known(caller, recipientId).chain(this::view);
    }

    /** Replaces the recipient's preferences with a change already checked field by field. */
    @WithTransaction
    public Uni<PreferencesView> put(Caller caller, String recipientId, PreferencesChange change) {
        return known(caller, recipientId).chain(recipient -> unsubscribed(recipient.email()).chain(unsubscribed -> {
            checkReadOnly(change, recipient, unsubscribed);
            QuietHours quiet = change.quietHours() == null ? null : change.quietHours().toQuietHours();
            return Panache.getSession()
                    .chain(session -> session.createNativeQuery(UPSERT)
                            .setParameter("id", recipient.id())
                            .setParameter("role", recipient.role().name())
                            .setParameter("email", recipient.email())
                            .setParameter("digest", change.digest() == null || change.digest())
                            .setParameter("from", quiet == null ? null : quiet.from())
                            .setParameter("to", quiet == null ? null : quiet.to())
                            .setParameter("zone", change.timeZone())
                            .setParameter("now", Instant.now().atOffset(ZoneOffset.UTC))
                            .executeUpdate())
                    .chain(() -> view(recipient));
        }));
    }

    /** Unsubscribes the address a valid token names; true the first time, false when it already was. */
    @WithTransaction
    public Uni<Boolean> unsubscribe(UnsubscribeTokens.Subject subject) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(UNSUBSCRIBE)
                        .setParameter("email", RecipientIds.normalized(subject.email()))
                        .setParameter("id", subject.recipientId())
                        .setParameter("now", Instant.now().atOffset(ZoneOffset.UTC))
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    @WithSession
    public Uni<Boolean> isUnsubscribed(String email) {
        return unsubscribed(email);
    }

    private Uni<Recipient> known(Caller caller, String recipientId) {
        return directory.find(recipientId).map(recipient -> PreferencesAccess.visible(caller, recipientId, recipient));
    }

    private Uni<PreferencesView> view(Recipient recipient) {
        return unsubscribed(recipient.email()).chain(unsubscribed -> RecipientPreferences
                .<RecipientPreferences>findById(recipient.id())
                .map(stored -> PreferencesView.of(recipient, stored, unsubscribed)));
    }

    private static Uni<Boolean> unsubscribed(String email) {
        return UnsubscribedAddress.findById(RecipientIds.normalized(email)).map(Objects::nonNull);
    }

    /** Read-only fields may come back as they were read (a GET body sent back), not changed. */
    private static void checkReadOnly(PreferencesChange change, Recipient recipient, boolean unsubscribed) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (change.recipientId() != null && !change.recipientId().equals(recipient.id())) {
            errors.add(readOnly("recipientId", change.recipientId(), recipient.id()));
        }
        if (change.role() != null && !change.role().equals(recipient.role().name())) {
            errors.add(readOnly("role", change.role(), recipient.role().name()));
        }
        if (change.email() != null
                && !RecipientIds.normalized(change.email()).equals(RecipientIds.normalized(recipient.email()))) {
            errors.add(new Problem.FieldError("email", "is read-only: it comes from the runner's plan, which the PT"
                    + " or runner changes in plan-service (got '" + change.email() + "')"));
        }
        if (change.unsubscribed() != null && change.unsubscribed() != unsubscribed) {
            errors.add(new Problem.FieldError("unsubscribed", unsubscribed
                    ? "is read-only: this address unsubscribed and stays so (got false)"
                    : "is read-only: unsubscribe with the link at the end of any Rebound email (got true)"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static Problem.FieldError readOnly(String field, String got, String is) {
        return new Problem.FieldError(field, "is read-only and is '" + is + "' (got '" + got + "')");
    }
}
