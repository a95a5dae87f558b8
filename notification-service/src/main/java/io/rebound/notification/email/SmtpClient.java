package io.rebound.notification.email;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.rebound.notification.NotificationConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Hands emails to the SMTP server, and always comes back with an answer. The mailer waits for each reply for as
 * long as it takes, so a server that takes the connection and then says nothing (wedged, or behind a half-open
 * network path) would hold up every email behind it; here such an attempt fails once the send timeout has passed,
 * and is tried again like any refused one. Had the server taken the message after all, the copy sent on the next
 * attempt has the same Message-ID.
 */
@ApplicationScoped
public class SmtpClient {

    private final ReactiveMailer mailer;
    private final Duration timeout;

    public SmtpClient(ReactiveMailer mailer, NotificationConfig config) {
        this.mailer = mailer;
        this.timeout = config.sendTimeout();
    }

    /**
     * Sends the email. The outcome comes back on the Vert.x context this is called on, the timeout's too (which
     * would otherwise arrive on a worker thread, where Hibernate Reactive cannot record it).
     */
    public Uni<Void> send(Mail mail) {
        Uni<Void> answered = mailer.send(mail)
                .ifNoItem().after(timeout)
                .failWith(() -> new TimeoutException("SMTP gave no answer within " + timeout.toMillis() + " ms"));
        Context context = Vertx.currentContext();
        return context == null ? answered : answered.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }
}
