package io.rebound.notification.preferences;

import io.rebound.notification.NotificationConfig;
import io.rebound.notification.email.RecipientRole;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The absolute links an email's footer carries: unsubscribing, at notification-service's public URL (it needs no
 * sign-in), and the email settings, in the web app (base-url), where the recipient signs in.
 */
@ApplicationScoped
public class UnsubscribeLinks {

    private final UnsubscribeTokens tokens;
    private final String publicUrl;
    private final String baseUrl;

    public UnsubscribeLinks(UnsubscribeTokens tokens, NotificationConfig config) {
        this.tokens = tokens;
        this.publicUrl = withoutTrailingSlash(config.publicUrl());
        this.baseUrl = withoutTrailingSlash(config.baseUrl());
    }

    /** The footer of an email to a runner (recipient id: their runnerId) or a PT (recipient id: their PT id). */
    public EmailFooter footer(RecipientRole role, String recipientId, String email) {
        return new EmailFooter(recipientId, role == RecipientRole.PT, preferencesUrl(),
                publicUrl + "/unsubscribe?token=" + tokens.sign(recipientId, email));
    }

    /** The signed-in person's own email settings in the web app: the same link for everyone. */
    public String preferencesUrl() {
        return baseUrl + "/settings/email";
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
