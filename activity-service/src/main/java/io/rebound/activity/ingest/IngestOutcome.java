package io.rebound.activity.ingest;

import java.util.Locale;
import java.util.UUID;

/**
 * What became of a provider's activity.
 *
 * @param activityId the activity it is (or was) stored as; null when unlinked or unknown
 */
public record IngestOutcome(Result result, UUID activityId) {

    public enum Result {
        /** Stored as a new activity and published as ActivityRecorded. */
        CREATED,
        /** Changed an activity already stored; published as ActivityCorrected. */
        UPDATED,
        /** The same activity as one already stored (a retry, or another provider for the same watch). */
        DUPLICATE,
        /** Removed; published as ActivityDeleted. */
        DELETED,
        /** A delete or update for an activity never stored here. */
        UNKNOWN_ACTIVITY,
        /** From a provider user not linked to a runner yet: kept, and applied once a link is made. */
        UNLINKED,
        /** The same delivery (same delivery id) again: already handled. */
        REPEATED_DELIVERY,
        /** Older than the version already held, or for an activity already deleted: delivered out of order. */
        STALE,
        /** A provider's version of an activity the runner deleted here: kept deleted, nothing stored. */
        DELETED_BY_RUNNER;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static IngestOutcome of(Result result) {
        return new IngestOutcome(result, null);
    }
}
