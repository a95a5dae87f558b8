package io.rebound.activity.provider.garmin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Garmin signs no push, so our callback URL carries a secret of ours in its path ({@code /webhooks/garmin/{secret}}),
 * set once in Garmin's endpoint configuration. A push is believed only when the secret in its path is one of the
 * configured ones (two while the URL at Garmin is being changed), compared in constant time. None configured: every
 * push is refused.
 */
public final class GarminPushSecret {

    /** Long enough that guessing is hopeless, and only characters a URL path carries unchanged. */
    static final Pattern GOOD = Pattern.compile("[A-Za-z0-9_-]{32,128}");

    private final List<byte[]> digests;

    public GarminPushSecret(List<String> secrets) {
        for (String secret : secrets) {
            if (!GOOD.matcher(secret).matches()) {
                throw new IllegalArgumentException("rebound.activity.garmin.push-secret: each secret must be 32 to 128"
                        + " characters of A-Z, a-z, 0-9, '-' or '_' (e.g. openssl rand -hex 32); got one of "
                        + secret.length() + " characters");
            }
        }
        this.digests = secrets.stream().map(GarminPushSecret::sha256).toList();
    }

    public boolean configured() {
        return !digests.isEmpty();
    }

    /** True when {@code candidate} is one of ours. Every configured secret is compared, so the time tells nothing. */
    public boolean matches(String candidate) {
        if (candidate == null || digests.isEmpty()) {
            return false;
        }
        // Digests have one length whatever was sent, so neither a length nor a prefix can be probed.
        byte[] given = sha256(candidate);
        boolean found = false;
        for (byte[] digest : digests) {
            found |= MessageDigest.isEqual(digest, given);
        }
        return found;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
