package io.rebound.notification.preferences;

import io.quarkus.runtime.Startup;
import io.rebound.notification.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token in an unsubscribe link: {@code base64url(payload) "." base64url(HMAC-SHA256(payload))}, the payload
 * naming the recipient id and the address ({@code "v1\n" id "\n" email}). Anyone holding the link may unsubscribe
 * that address and nothing else; it does not expire, so the link in an old email still works. Built at start, so
 * a missing or short secret stops the service before it sends a single link.
 */
@Startup
@ApplicationScoped
public class UnsubscribeTokens {

    static final int MIN_SECRET_LENGTH = 32;
    private static final String VERSION = "v1";
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** Who a valid token names. */
    public record Subject(String recipientId, String email) {
    }

    private final SecretKeySpec key;

    @Inject
    public UnsubscribeTokens(NotificationConfig config) {
        this(secret(config.unsubscribeSecret()));
    }

    UnsubscribeTokens(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    private static String secret(Optional<String> configured) {
        String secret = configured.map(String::strip).orElse("");
        if (secret.isEmpty()) {
            throw new IllegalStateException("rebound.notification.unsubscribe-secret (environment variable"
                    + " REBOUND_UNSUBSCRIBE_SECRET) is not set. It signs the unsubscribe link in every email; set it to"
                    + " a random string of at least " + MIN_SECRET_LENGTH + " characters (e.g. the output of"
                    + " 'openssl rand -base64 48') and keep it the same across restarts and instances.");
        }
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("rebound.notification.unsubscribe-secret (REBOUND_UNSUBSCRIBE_SECRET) is "
                    + secret.length() + " characters long; at least " + MIN_SECRET_LENGTH
                    + " are needed so unsubscribe links cannot be forged (e.g. 'openssl rand -base64 48').");
        }
        return secret;
    }

    public String sign(String recipientId, String email) {
        byte[] payload = String.join("\n", VERSION, recipientId, email).getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
    }

    /** Who the token names, or empty when it is malformed, forged or altered. */
    public Optional<Subject> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException notBase64Url) {
            return Optional.empty();
        }
        // One spelling per token: a character changed where the decoder would not notice is still a changed token.
        if (!(ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(signature)).equals(token)) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            return Optional.empty();
        }
        String[] parts = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0]) || parts[1].isEmpty() || parts[2].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Subject(parts[1], parts[2]));
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", impossible);
        }
    }
}
