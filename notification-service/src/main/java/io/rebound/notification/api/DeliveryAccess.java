package io.rebound.notification.api;

import io.rebound.notification.contacts.ContactDirectory;
import io.rebound.support.problem.ProblemException;
import io.rebound.support.security.Caller;
import io.smallrye.mutiny.Uni;

/**
 * Who may list a runner's deliveries: the runner themselves, the PT their latest plan names, and admins. Anyone else
 * is told the runner is unknown, exactly as for a runner no plan has named, so nobody can find out which runners
 * exist.
 */
final class DeliveryAccess {

    private DeliveryAccess() {
    }

    /** Completes when the caller may list the runner's deliveries; fails with 404 otherwise. */
    static Uni<Void> check(Caller caller, String runnerId, ContactDirectory contacts) {
        if (caller.isAdmin() || caller.isRunner(runnerId)) {
            return Uni.createFrom().voidItem();
        }
        return contacts.ptIdOf(runnerId).map(ptId -> {
            if (ptId == null || !caller.isPt(ptId)) {
                throw ProblemException.notFound("no runner " + runnerId + " among the runners whose deliveries you may see");
            }
            return null;
        });
    }
}
