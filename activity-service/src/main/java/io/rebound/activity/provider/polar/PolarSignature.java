package io.rebound.activity.provider.polar;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the {@code Polar-Webhook-Signature} header AccessLink puts on every webhook POST: the hex HMAC-SHA256 of
 * the raw body, keyed with the {@code signature_secret_key} returned once when the webhook was created.
 */
public final class PolarSignature {

    public static final String HEADER = "Polar-Webhook-Signature";

    private static final String ALGORITHM = "HmacSHA256";
    private static final int SIGNATURE_BYTES = 32;

    private PolarSignature() {
    }

    /**
     * True only when the header is the body's signature. Verify the bytes as received, before any JSON parsing,
     * since re-serialising would change them. Null, empty or malformed input is false, never an exception.
     */
    public static boolean verify(byte[] rawBody, String signatureHeaderHex, String secret) {
        if (rawBody == null || signatureHeaderHex == null || secret == null || secret.isEmpty()) {
            return false;
        }
        byte[] claimed;
        try {
            claimed = HexFormat.of().parseHex(signatureHeaderHex.trim());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        if (claimed.length != SIGNATURE_BYTES) {
            return false;
        }
        byte[] expected;
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            expected = mac.doFinal(rawBody);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
        }
        // Constant time, so a forger learns nothing from how long the comparison took.
        return MessageDigest.isEqual(expected, claimed);
    }
}
