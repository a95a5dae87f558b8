package io.rebound.notification.preferences;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.rebound.notification.contacts.Contact;
import io.rebound.notification.email.RecipientRole;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Finds recipients by recipient id in the contact directory (the latest plan of each runner). */
@ApplicationScoped
public class RecipientDirectory {

    /** The plans naming the PT with this id: the latest that gives the PT's own zone first, then the latest. */
    private static final String PT_BY_ID = "SELECT * FROM contact WHERE pt_id = :id"
            + " ORDER BY (pt_time_zone IS NULL), changed_at DESC LIMIT 1";

    /** The recipient with this id, or null when no plan names them. Call in a session. */
    public Uni<Recipient> find(String recipientId) {
        return Contact.<Contact>findById(recipientId).chain(runner -> {
            if (runner != null) {
                return Uni.createFrom().item(new Recipient(runner.runnerId, RecipientRole.RUNNER, runner.runnerEmail,
                        zone(runner.timeZone)));
            }
            return Panache.getSession()
                    .chain(session -> session.createNativeQuery(PT_BY_ID, Contact.class)
                            .setParameter("id", recipientId)
                            .getResultList())
                    .map(found -> found.isEmpty() ? null : pt(found.get(0)));
        });
    }

    private static Recipient pt(Contact contact) {
        return new Recipient(contact.ptId, RecipientRole.PT, contact.ptEmail,
                zone(contact.ptZoneOrRunners()));
    }

    /** Zones come checked from plan-service; UTC stands in only should one ever not parse. */
    static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (RuntimeException unreadable) {
            return ZoneOffset.UTC;
        }
    }
}
