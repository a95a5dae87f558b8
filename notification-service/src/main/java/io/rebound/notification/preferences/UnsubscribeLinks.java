package io.rebound.notification.preferences;

import io.rebound.notification.NotificationConfig;
import io.rebound.notification.email.RecipientRole;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The absolute links an email's footer carries, pointing at notification-service's public URL. */
@ApplicationScoped
public class UnsubscribeLinks {

    private final UnsubscribeTokens tokens;
    private final String publicUrl;

    public UnsubscribeLinks(UnsubscribeTokens tokens, NotificationConfig config) {
        this.tokens = tokens;
        String url = config.publicUrl();
        this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The footer of an email to a runner (recipient id: their runnerId) or a PT (recipient id: their PT id). */
    public EmailFooter footer(RecipientRole role, String recipientId, String email) {
        return new EmailFooter(recipientId, role == RecipientRole.PT, preferencesUrl(recipientId),
                publicUrl + "/unsubscribe?token=" + tokens.sign(recipientId, email));
    }

    public String preferencesUrl(String recipientId) {
        return publicUrl + "/api/v1/recipients/" + URLEncoder.encode(recipientId, StandardCharsets.UTF_8).replace("+", "%20")
                + "/preferences";
    }
}
