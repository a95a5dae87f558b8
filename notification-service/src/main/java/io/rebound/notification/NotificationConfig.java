package io.rebound.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The settings of notification-service, all under {@code rebound.notification.*}. */
@ConfigMapping(prefix = "rebound.notification")
public interface NotificationConfig {

    /**
     * The language emails are written in: a {@code Wording} and a folder of templates under
     * {@code templates/email/<language>/}. English ({@code en}) is the one there is.
     */
    @WithDefault("en")
    String language();

    /** Where an email given up on is reported ({@code DeliveryFailed}), for operators. */
    @WithDefault("notifications.dlq")
    String deadLetterTopic();

    /**
     * The web app's public URL, where links in emails point: a runner's page ({@code /runners/{runnerId}}), an alert
     * ({@code /alerts/{alertId}}) and the email settings ({@code /settings/email}).
     */
    @WithDefault("http://localhost:8080")
    String baseUrl();

    /** notification-service's own public URL: the unsubscribe links in emails point here. */
    @WithDefault("http://localhost:8083")
    String publicUrl();

    /**
     * Signs the unsubscribe links, at least 32 characters. Required outside dev and test: the service refuses to
     * start without it, since anyone could forge links otherwise.
     */
    Optional<String> unsubscribeSecret();

    /** How often the sender looks for deliveries that are due (retries, rows a crash left behind). */
    @WithDefault("2s")
    Duration sweepInterval();

    /** Deliveries claimed per sender transaction. */
    @WithDefault("50")
    int batchSize();

    /**
     * Emails sent at the same time, each on an SMTP connection of the mailer's pool (up to 10), kept open for the
     * next email. A server answers each email after a round trip or several, so several at once keep it busy. Each
     * one's failure is its own: it never cancels the others.
     */
    @WithDefault("10")
    int sendConcurrency();

    /** The wait after the first failed attempt; it doubles with each further failure (each wait jittered). */
    @WithDefault("5s")
    Duration firstBackoff();

    /** The longest wait between two attempts. */
    @WithDefault("10m")
    Duration maxBackoff();

    /** How long after its creation a delivery SMTP keeps refusing is given up as FAILED and dead-lettered. */
    @WithDefault("24h")
    Duration giveUpAfter();

    /** A delivery claimed for sending longer ago than this was left behind by a crash and is due again. */
    @WithDefault("1m")
    Duration staleClaim();

    /**
     * How long one email may wait for SMTP's answer. A server that takes the connection and then says nothing
     * fails the attempt after this long: the delivery is tried again after its backoff.
     */
    @WithDefault("60s")
    Duration sendTimeout();

    /** How long the sender waits for the database at each step before giving the step up and trying again later. */
    @WithDefault("30s")
    Duration databaseTimeout();

    /** Whether the PTs' 07:00 digests go out on their own (tests drive them with a clock of their own). */
    @WithDefault("true")
    boolean digestEnabled();

    /** Deliveries listed per request at most. */
    @WithDefault("1000")
    int maxList();
}
