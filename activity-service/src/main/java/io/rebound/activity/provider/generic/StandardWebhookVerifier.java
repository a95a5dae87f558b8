package io.rebound.activity.provider.generic;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a delivery signed the Standard Webhooks way: {@code webhook-signature} holds one or more
 * space-separated {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">}; any one made with any of our secrets
 * (several during a key rotation) passes; the timestamp must be within five minutes of now. Comparisons take
 * constant time.
 */
public final class StandardWebhookVerifier {

    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final String SECRET_PREFIX = "whsec_";

    private final List<byte[]> secrets;

    /** @param secrets each {@code whsec_} followed by the base64 key, as Standard Webhooks issues them */
    public StandardWebhookVerifier(List<String> secrets) {
        this.secrets = secrets.stream().map(String::trim).filter(s -> !s.isEmpty()).map(StandardWebhookVerifier::key).toList();
    }

    public boolean configured() {
        return !secrets.isEmpty();
    }

    /** Why the delivery is refused, or null when it is genuine and fresh. */
    public String problem(String id, String timestamp, String signatures, byte[] body, Instant now) {
        if (id == null || id.isBlank() || timestamp == null || signatures == null) {
            return "webhook-id, webhook-timestamp and webhook-signature headers are all required";
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return "webhook-timestamp must be Unix seconds (got '" + timestamp + "')";
        }
        if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(TOLERANCE) > 0) {
            return "webhook-timestamp is more than 5 minutes from now: a replay, or a clock that is off";
        }
        byte[] signed = (id + "." + seconds + ".").getBytes(StandardCharsets.UTF_8);
        for (byte[] secret : secrets) {
            byte[] expected = Base64.getEncoder().encode(hmac(secret, signed, body));
            for (String candidate : signatures.trim().split("\\s+")) {
                if (candidate.startsWith("v1,")
                        && MessageDigest.isEqual(expected, candidate.substring(3).getBytes(StandardCharsets.US_ASCII))) {
                    return null;
                }
            }
        }
        return "no webhook-signature matches: the body was changed or the secret is not ours";
    }

    /** The signature header value for a body, as a sender computes it (used by tests and by example clients). */
    public static String sign(String secret, String id, long timestamp, byte[] body) {
        byte[] signed = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        return "v1," + Base64.getEncoder().encodeToString(hmac(key(secret), signed, body));
    }

    private static byte[] hmac(byte[] secret, byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    private static byte[] key(String secret) {
        String base64 = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        return Base64.getDecoder().decode(base64);
    }
}
