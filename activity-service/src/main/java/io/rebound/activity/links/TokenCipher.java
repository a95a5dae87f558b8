package io.rebound.activity.links;

import io.rebound.activity.ActivityConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts providers' access tokens at rest (AES-256-GCM, a fresh 12-byte nonce each time) with a key ring: the
 * current key {@code rebound.activity.token-key} encrypts, and it or any of
 * {@code rebound.activity.token-previous-keys} decrypts, so a key can be rotated without downtime. Each value is
 * stored as {@code k<key id>:<base64 nonce and ciphertext>}, the key id being the first 8 hex digits of the SHA-256
 * of the key; values written before key ids existed have no prefix and are tried against every key. Without a
 * current key, tokens cannot be stored at all.
 */
@ApplicationScoped
public class TokenCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String CURRENT = "rebound.activity.token-key";
    private static final String PREVIOUS = "rebound.activity.token-previous-keys";

    /** The current key first, then the previous ones in the order configured. */
    private final List<Key> ring;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public TokenCipher(ActivityConfig config) {
        this(config.tokenKey(), config.tokenPreviousKeys());
    }

    public TokenCipher(Optional<String> key, Optional<List<String>> previousKeys) {
        List<Key> keys = new ArrayList<>();
        key.filter(k -> !k.isBlank()).ifPresent(k -> keys.add(Key.decode(CURRENT, k)));
        if (keys.isEmpty() && previousKeys.filter(list -> !list.isEmpty()).isPresent()) {
            throw new IllegalArgumentException(PREVIOUS + " is set but " + CURRENT
                    + " is not: the current key encrypts, so it is needed whenever there are keys");
        }
        previousKeys.orElse(List.of()).stream().filter(k -> !k.isBlank())
                .map(k -> Key.decode(PREVIOUS, k)).forEach(keys::add);
        this.ring = List.copyOf(keys);
    }

    public TokenCipher(Optional<String> key) {
        this(key, Optional.empty());
    }

    public boolean configured() {
        return !ring.isEmpty();
    }

    public String encrypt(String token) {
        Key current = ring.stream().findFirst()
                .orElseThrow(() -> new IllegalStateException(CURRENT + " is not set"));
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, current.spec(), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return "k" + current.id() + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a token", e);
        }
    }

    public String decrypt(String stored) {
        if (ring.isEmpty()) {
            throw new IllegalStateException(CURRENT + " is not set: cannot decrypt a stored token");
        }
        int colon = stored.indexOf(':');
        if (colon < 0) {
            // Written before key ids: the GCM tag tells which key (if any) sealed it.
            for (Key key : ring) {
                Optional<String> opened = open(key, stored);
                if (opened.isPresent()) {
                    return opened.get();
                }
            }
            throw new IllegalStateException("cannot decrypt a stored token: none of the " + ring.size()
                    + " configured keys opens it (wrong key or damaged value)");
        }
        String id = stored.substring(1, colon);
        Key key = ring.stream().filter(k -> k.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("cannot decrypt a stored token: it was encrypted with"
                        + " key " + id + ", which is neither " + CURRENT + " (key " + ring.get(0).id() + ") nor one of "
                        + PREVIOUS + " (wrong key)"));
        return open(key, stored.substring(colon + 1)).orElseThrow(() -> new IllegalStateException(
                "cannot decrypt a stored token with key " + id + ": wrong key or damaged value"));
    }

    /** True when a stored value is sealed with a key other than the current one and is worth re-encrypting. */
    public boolean sealedWithOldKey(String stored) {
        return configured() && !stored.startsWith("k" + ring.get(0).id() + ":");
    }

    private static Optional<String> open(Key key, String base64) {
        try {
            byte[] in = Base64.getDecoder().decode(base64);
            if (in.length <= NONCE_BYTES) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.spec(), new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            return Optional.of(new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES),
                    StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private record Key(String id, SecretKeySpec spec) {

        static Key decode(String name, String base64) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(base64.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + " must be 32 bytes, base64-encoded (not base64: "
                        + e.getMessage() + ")");
            }
            if (bytes.length != 32) {
                throw new IllegalArgumentException(name + " must be 32 bytes, base64-encoded (got " + bytes.length
                        + " bytes)");
            }
            try {
                String id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 8);
                return new Key(id, new SecretKeySpec(bytes, "AES"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
