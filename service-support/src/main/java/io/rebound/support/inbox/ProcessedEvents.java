package io.rebound.support.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The ledger that makes a consumer idempotent: call {@link #firstDelivery} (or {@link #firstDeliveries} for a batch)
 * inside the transaction that applies an event, and apply it only when this is the first time. A redelivered event
 * then changes nothing.
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

    /**
     * Records every id in one statement; answers those delivered for the first time (an id given twice counts once).
     * A transaction recording the same id at the same moment makes this one wait for it, then see it as known.
     */
    public Uni<Set<String>> firstDeliveries(String consumer, Collection<String> eventIds) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(eventIds));
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        StringBuilder sql = new StringBuilder("INSERT INTO processed_event (consumer, event_id, processed_at) VALUES ");
        for (int i = 0; i < ids.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:consumer, :e").append(i).append(", now())");
        }
        sql.append(" ON CONFLICT DO NOTHING RETURNING event_id");
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString(), String.class).setParameter("consumer", consumer);
            for (int i = 0; i < ids.size(); i++) {
                query.setParameter("e" + i, ids.get(i));
            }
            return query.getResultList();
        }).map(HashSet::new);
    }
}
