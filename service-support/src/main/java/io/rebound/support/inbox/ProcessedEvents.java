package io.rebound.support.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The ledger that makes a consumer idempotent: call {@link #firstDelivery} inside the transaction that applies
 * an event, and apply it only when this is the first time. A redelivered event then changes nothing.
 */
@ApplicationScoped
public class ProcessedEvents {

    private static final String INSERT = "INSERT INTO processed_event (consumer, event_id, processed_at)"
            + " VALUES (:consumer, :eventId, now()) ON CONFLICT DO NOTHING";

    public Uni<Boolean> firstDelivery(String consumer, String eventId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(INSERT)
                        .setParameter("consumer", consumer)
                        .setParameter("eventId", eventId)
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
