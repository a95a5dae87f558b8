package io.rebound.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Generic-webhook deliveries as an app sends them: the JSON body and its Standard Webhooks signature. */
final class Webhooks {

    private final byte[] key;
    private final String secret;
    private final ThreadLocal<Mac> macs;

    private Webhooks(byte[] key) {
        this.key = key;
        this.secret = "whsec_" + Base64.getEncoder().encodeToString(key);
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 unavailable", e);
            }
        });
    }

    /** A fresh random signing secret for this run. */
    static Webhooks withRandomSecret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new Webhooks(key);
    }

    /** The secret as activity-service reads it ({@code REBOUND_GENERIC_WEBHOOK_SECRETS}). */
    String secret() {
        return secret;
    }

    /** One signed delivery of a new run. */
    Delivery run(String webhookId, String userId, String activityId, OffsetDateTime start, double distanceMetres) {
        String body = String.format(Locale.ROOT, "{\"type\":\"activity.created\",\"data\":{\"userId\":\"%s\","
                + "\"activityId\":\"%s\",\"sport\":\"run\",\"startTime\":\"%s\",\"durationSeconds\":1800,"
                + "\"distanceMetres\":%.1f,\"averageHeartRate\":142}}", userId, activityId, start, distanceMetres);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        long timestamp = System.currentTimeMillis() / 1000;
        Mac mac = macs.get();
        mac.update((webhookId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        String signature = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(bytes));
        return new Delivery(webhookId, Long.toString(timestamp), signature, bytes);
    }

    /** What goes over the wire: the three webhook-* headers and the body. */
    record Delivery(String id, String timestamp, String signature, byte[] body) {
    }
}
