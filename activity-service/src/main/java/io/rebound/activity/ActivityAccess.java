package io.rebound.activity;

import io.rebound.support.problem.ProblemException;
import io.rebound.support.security.Caller;

/**
 * Who may see and change a runner's activities, uploads and device links: the runner themselves and admins. Anyone
 * else is told the runner is not among theirs, whether or not the runner exists, so nobody can enumerate runners.
 * PTs have no access here (SECURITY-NOTES.md says why).
 */
public final class ActivityAccess {

    private ActivityAccess() {
    }

    /** For paths under {@code /runners/{runnerId}}: checked before anything is read or looked up; 404 otherwise. */
    public static void ownRunner(Caller caller, String runnerId) {
        if (!(caller.isAdmin() || caller.isRunner(runnerId))) {
            throw ProblemException.notFound("no runner " + runnerId + " among the runners whose activities you may see");
        }
    }

    /** A new activity whose body names the runner: the runner themselves or an admin; 403 otherwise. */
    public static void mayRecordFor(Caller caller, String runnerId) {
        if (!(caller.isAdmin() || caller.isRunner(runnerId))) {
            throw ProblemException.forbidden("a runner may record activities only for themselves (runnerId = the"
                    + " token's subject; got '" + runnerId + "')");
        }
    }
}
