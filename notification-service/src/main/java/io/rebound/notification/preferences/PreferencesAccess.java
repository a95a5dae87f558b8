package io.rebound.notification.preferences;

import io.rebound.notification.email.RecipientRole;
import io.rebound.support.problem.ProblemException;
import io.rebound.support.security.Caller;

/**
 * Who may read and change a recipient's preferences: the recipient themselves (a runner's token has their runnerId
 * as subject, a PT's their PT id) and admins. Anyone else is told there is no such recipient, exactly as for an id
 * nobody has, so nobody can find out who receives emails.
 */
final class PreferencesAccess {

    private PreferencesAccess() {
    }

    /** Before anything is looked up or validated: a caller who can never be this recipient gets the 404 at once. */
    static void mayAsk(Caller caller, String recipientId) {
        if (!(caller.isAdmin() || caller.isRunner(recipientId) || caller.isPt(recipientId))) {
            throw notFound(recipientId);
        }
    }

    /** The recipient found under the id, if the caller may see them: admins, or the same subject in the same role. */
    static Recipient visible(Caller caller, String recipientId, Recipient recipient) {
        if (recipient == null || !(caller.isAdmin()
                || recipient.role() == RecipientRole.RUNNER && caller.isRunner(recipient.id())
                || recipient.role() == RecipientRole.PT && caller.isPt(recipient.id()))) {
            throw notFound(recipientId);
        }
        return recipient;
    }

    static ProblemException notFound(String recipientId) {
        return ProblemException.notFound("no recipient has the id " + recipientId
                + ": a runner's id is their runnerId, a PT's is shown in the footer of their emails");
    }
}
