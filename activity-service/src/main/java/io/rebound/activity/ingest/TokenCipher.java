package io.rebound.activity.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Encrypts providers' access tokens at rest (AES-256-GCM, a fresh 12-byte nonce each time) with the key in
 * {@code rebound.activity.token-key} (32 bytes, base64). Without a key, tokens cannot be stored at all.
 */
@ApplicationScoped
public class TokenCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Optional<SecretKeySpec> key;
    private final SecureRandom random = new SecureRandom();

    public TokenCipher(@ConfigProperty(name = "rebound.activity.token-key") Optional<String> key) {
        this.key = key.filter(k -> !k.isBlank()).map(TokenCipher::decode);
    }

    public boolean configured() {
        return key.isPresent();
    }

    public String encrypt(String token) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, requireKey(), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a token", e);
        }
    }

    public String decrypt(String stored) {
        try {
            byte[] in = Base64.getDecoder().decode(stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, requireKey(), new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot decrypt a stored token: wrong key or damaged value", e);
        }
    }

    private SecretKeySpec requireKey() {
        return key.orElseThrow(() -> new IllegalStateException("rebound.activity.token-key is not set"));
    }

    private static SecretKeySpec decode(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64.trim());
        if (bytes.length != 32) {
            throw new IllegalArgumentException("rebound.activity.token-key must be 32 bytes, base64-encoded (got "
                    + bytes.length + " bytes)");
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
