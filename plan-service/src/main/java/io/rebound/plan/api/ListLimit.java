package io.rebound.plan.api;

import io.rebound.support.problem.ProblemException;

/** The {@code limit} of a listing: at least 1, at most {@code rebound.plan.max-list}. */
final class ListLimit {

    private ListLimit() {
    }

    static void check(int limit, int max) {
        if (limit < 1 || limit > max) {
            throw ProblemException.invalid("limit", "must be between 1 and " + max + " (got " + limit + ")");
        }
    }

    /** Enough of a bad query value to recognise it, never a whole oversized one. */
    static String shown(String value) {
        return value.length() > 80 ? value.substring(0, 80) + "..." : value;
    }
}
