package io.rebound.activity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The settings of activity-service, all under {@code rebound.activity.*} (application.properties gives each its
 * {@code REBOUND_*} environment variable; docs/configuration.md lists them). Every key under the prefix must be here,
 * or the service refuses to start (SRCFG00050): so also the sweep intervals the schedules read by expression.
 */
@ConfigMapping(prefix = "rebound.activity")
public interface ActivityConfig {

    /** The topic activities are published on ({@code ActivityRecorded}, {@code ActivityCorrected}, {@code ActivityDeleted}). */
    @WithDefault("activities")
    String topic();

    /** The most activities one list answer holds, whatever {@code limit} asks. */
    int maxList();

    /** 32 random bytes, base64: the key providers' tokens are encrypted with at rest. */
    Optional<String> tokenKey();

    /** Keys used before a rotation: still read, never written with. */
    Optional<List<String>> tokenPreviousKeys();

    Webhook webhook();

    Strava strava();

    Polar polar();

    Garmin garmin();

    Connect connect();

    Unlinked unlinked();

    Fetch fetch();

    Ingest ingest();

    /** Deliveries signed the Standard Webhooks way. */
    interface Webhook {
        Generic generic();

        interface Generic {
            /** The signing secrets ({@code whsec_...}); several during a rotation. None: every delivery is refused. */
            Optional<List<String>> secrets();
        }
    }

    /** A provider this server connects to with OAuth: its client credentials. */
    interface OAuthProvider {
        Optional<String> clientId();

        Optional<String> clientSecret();

        /** Where the runner's browser is sent to grant access. */
        URI authUrl();
    }

    interface Strava extends OAuthProvider {
        /** Strava's API and OAuth base (the token endpoint is below it). */
        URI baseUrl();

        /** What Strava's subscription handshake must echo. */
        Optional<String> verifyToken();

        /** A push subscription made by hand, accepted beside the one stored here. */
        Optional<Long> subscriptionId();
    }

    interface Polar extends OAuthProvider {
        URI baseUrl();

        URI tokenUrl();

        /** Signs AccessLink's webhook deliveries. */
        Optional<String> webhookSecret();
    }

    interface Garmin extends OAuthProvider {
        URI tokenUrl();

        URI apiUrl();

        /** The secret path segment(s) Garmin pushes to. None: every push is refused. */
        Optional<List<String>> pushSecret();
    }

    interface Connect {
        /** The callback URLs a connect may name ({@code {provider}} stands for the provider's name). */
        List<String> redirectUris();

        /** The pause between the Garmin backfill requests of one connect (Garmin's days-per-minute limit). */
        @WithDefault("30s")
        Duration garminBackfillSpacing();
    }

    /** Deliveries of provider users no runner is linked to yet. */
    interface Unlinked {
        /** Kept this long at most. */
        @WithDefault("30d")
        Duration maxAge();

        /** The newest this many per provider user are kept. */
        @WithDefault("500")
        int maxPerUser();

        /** How often the sweep runs (read by its schedule). */
        @WithDefault("1h")
        String sweepInterval();

        /** How long after start the first sweep runs. */
        @WithDefault("1m")
        String sweepDelay();
    }

    interface Fetch {
        /** How often the fetch queue is looked at for jobs due (read by its schedule). */
        @WithDefault("2s")
        String sweepInterval();
    }

    /** Generic webhooks arriving together share a transaction (a group commit), each answered after it commits. */
    interface Ingest {
        /** The most deliveries one group commit holds ({@code 1}: each commits alone). */
        @WithDefault("16")
        int batchSize();

        /** Group commits running at once. */
        @WithDefault("4")
        int transactions();
    }
}
