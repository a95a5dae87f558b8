package io.rebound.notification.contacts;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.rebound.events.PlanChanged;
import io.rebound.support.security.PtIds;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;

/** The contact directory: the latest plan's contacts per runner, kept from the plans topic. */
@ApplicationScoped
public class ContactDirectory {

    /** A plan older than the stored one (a replay, or records out of order) leaves the row as it is. */
    private static final String UPSERT = "INSERT INTO contact (runner_id, plan_id, runner_name, runner_email, pt_name,"
            + " pt_email, distance_unit, time_zone, changed_at, injured, pt_time_zone, pt_id)"
            + " VALUES (:runnerId, :planId, :runnerName, :runnerEmail, :ptName, :ptEmail, :unit, :zone, :changedAt, :injured,"
            + " :ptZone, :ptId)"
            + " ON CONFLICT (runner_id) DO UPDATE SET plan_id = EXCLUDED.plan_id, runner_name = EXCLUDED.runner_name,"
            + " runner_email = EXCLUDED.runner_email, pt_name = EXCLUDED.pt_name, pt_email = EXCLUDED.pt_email,"
            + " distance_unit = EXCLUDED.distance_unit, time_zone = EXCLUDED.time_zone, changed_at = EXCLUDED.changed_at,"
            + " injured = EXCLUDED.injured, pt_time_zone = EXCLUDED.pt_time_zone, pt_id = EXCLUDED.pt_id"
            + " WHERE contact.changed_at <= EXCLUDED.changed_at";

    /** Stores the plan's contacts unless a newer plan is already stored, in a transaction; true when the row changed. */
    public Uni<Boolean> store(PlanChanged plan) {
        return Panache.withTransaction(() -> apply(plan));
    }

    private Uni<Boolean> apply(PlanChanged plan) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(UPSERT)
                        .setParameter("runnerId", plan.runnerId())
                        .setParameter("planId", plan.planId())
                        .setParameter("runnerName", plan.runner().name())
                        .setParameter("runnerEmail", plan.runner().email())
                        .setParameter("ptName", plan.physicalTherapist().name())
                        .setParameter("ptEmail", plan.physicalTherapist().email())
                        .setParameter("unit", plan.distanceUnit().code())
                        .setParameter("zone", plan.timeZone())
                        .setParameter("changedAt", plan.changedAt().atOffset(ZoneOffset.UTC))
                        .setParameter("injured", Boolean.TRUE.equals(plan.injured()))
                        .setParameter("ptZone", plan.physicalTherapist().timeZone())
                        .setParameter("ptId", PtIds.of(plan.physicalTherapist().id(), plan.physicalTherapist().email()))
                        .executeUpdate())
                .map(changed -> changed == 1);
    }

    /** The runner's contacts, or null when no plan has arrived for the runner yet. Call in a session. */
    public Uni<Contact> find(String runnerId) {
        return Contact.findById(runnerId);
    }

    /** The id of the PT the runner's latest plan names, or null when no plan has arrived for the runner. */
    @WithSession
    public Uni<String> ptIdOf(String runnerId) {
        return Contact.<Contact>findById(runnerId).map(contact -> contact == null ? null : contact.ptId);
    }
}
