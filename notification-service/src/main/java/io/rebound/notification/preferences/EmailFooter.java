package io.rebound.notification.preferences;

import io.quarkus.mailer.Mail;

/**
 * The end of every email: where to change preferences and how to unsubscribe, plus the List-Unsubscribe headers
 * (RFC 2369) that let mail apps offer a one-click unsubscribe (RFC 8058).
 *
 * @param pt whether the email goes to a PT, who is shown their recipient id
 */
public record EmailFooter(String recipientId, boolean pt, String preferencesUrl, String unsubscribeUrl) {

    public Mail addHeadersTo(Mail mail) {
        return mail.addHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }
}
