package io.rebound.notification.email;

import io.quarkus.mailer.Mail;
import io.rebound.events.EventJson;
import io.rebound.events.OverloadAlertRaised;
import io.rebound.notification.preferences.EmailFooter;
import io.rebound.notification.preferences.UnsubscribeLinks;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/** The email a delivery stands for, as the mailer takes it: rendered from the alert the delivery stored. */
@ApplicationScoped
public class DeliveryEmails {

    private final AlertEmails emails;
    private final UnsubscribeLinks links;

    public DeliveryEmails(AlertEmails emails, UnsubscribeLinks links) {
        this.emails = emails;
        this.links = links;
    }

    /** Fails with a RuntimeException when the stored alert cannot be turned into an email. */
    public Mail of(Delivery row) {
        OverloadAlertRaised alert = EventJson.read(row.alertPayload, OverloadAlertRaised.TYPE);
        AlertEmail model = emails.model(alert, row.runnerName, row.ptName);
        EmailFooter footer = links.footer(row.recipientRole, row.recipientId, row.recipientEmail);
        RenderedEmail rendered = row.isWithdrawal()
                ? emails.renderWithdrawal(row.recipientRole, model, row.note, footer)
                : emails.render(alert.alertId(), row.recipientRole, model, footer);
        Mail mail = footer.addHeadersTo(
                Mail.withText(row.recipientEmail, row.subject, rendered.text()).setHtml(rendered.html()))
                .addHeader("Message-ID", messageId(row));
        rendered.images().forEach(image -> mail.addInlineAttachment(image.fileName(), image.png(), "image/png",
                "<" + image.contentId() + ">"));
        return mail;
    }

    /**
     * One Message-ID per alert, recipient and kind of email, whatever the attempt: the one email sent again after a
     * crash between SMTP's acceptance and the SENT commit (which SMTP gives no way to close) is the same message,
     * which mail systems and clients show once.
     */
    static String messageId(Delivery row) {
        return "<" + row.alertId + "." + row.kind.toLowerCase(Locale.ROOT) + "."
                + row.recipientRole.name().toLowerCase(Locale.ROOT) + "@rebound>";
    }
}
