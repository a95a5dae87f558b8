package io.rebound.activity.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * What became of what providers sent, as {@code rebound_activities_accepted_total{provider,outcome}}, and
 * {@code rebound_webhook_signature_failures_total{provider}}. Tags are closed sets (providers, outcomes), never a
 * runner. Outcomes are counted once their transaction has committed, by whoever called the ingest.
 */
@ApplicationScoped
public class IngestMetrics {

    /** Stored as a new activity (published as ActivityRecorded). */
    public static final String ACCEPTED = "accepted";
    /** Refused with a 4xx answer: invalid, unsigned, too large, unreadable; nothing stored. */
    public static final String REJECTED = "rejected";

    private static final List<String> OUTCOMES = List.of(ACCEPTED, "updated", "deleted", "duplicate", "stale", "unlinked",
            "unknown", "deleted_by_runner", REJECTED);

    private final MeterRegistry registry;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Provider provider : Provider.values()) {
            OUTCOMES.forEach(outcome -> counter(provider, outcome));
        }
        signatureFailures(Provider.WEBHOOK);
        signatureFailures(Provider.POLAR);
        signatureFailures(Provider.GARMIN);
        signatureFailures(Provider.STRAVA);
    }

    /** The outcome tag of an ingest result. */
    public static String outcome(IngestOutcome.Result result) {
        return switch (result) {
            case CREATED -> ACCEPTED;
            case UPDATED -> "updated";
            case DELETED -> "deleted";
            case DUPLICATE, REPEATED_DELIVERY -> "duplicate";
            case STALE -> "stale";
            case UNLINKED -> "unlinked";
            case UNKNOWN_ACTIVITY -> "unknown";
            case DELETED_BY_RUNNER -> "deleted_by_runner";
        };
    }

    public void counted(Provider provider, IngestOutcome outcome) {
        counted(provider, outcome(outcome.result()));
    }

    public void counted(Provider provider, List<IngestOutcome> outcomes) {
        outcomes.forEach(outcome -> counted(provider, outcome));
    }

    public void counted(Provider provider, String outcome) {
        counter(provider, outcome).increment();
    }

    /**
     * A webhook whose signature or credential did not verify (wrong secret, stale timestamp, missing header, a Garmin
     * push without our secret in its path, a Strava event of another subscription).
     */
    public void signatureFailed(Provider provider) {
        signatureFailures(provider).increment();
    }

    private Counter counter(Provider provider, String outcome) {
        return Counter.builder("rebound.activities.accepted")
                .description("Activities received, by provider and outcome: accepted (new), updated, deleted, duplicate,"
                        + " stale (older than what is held), unlinked (kept until the provider user is linked), unknown"
                        + " (a change to an activity never stored), deleted_by_runner (a version of an activity the"
                        + " runner deleted here, kept deleted), rejected (4xx, or a summary refused on its own)")
                .tags("provider", provider.code(), "outcome", outcome)
                .register(registry);
    }

    private Counter signatureFailures(Provider provider) {
        return Counter.builder("rebound.webhook.signature.failures")
                .description("Webhook deliveries refused because their signature or credential did not verify")
                .tag("provider", provider.code())
                .register(registry);
    }
}
