package io.rebound.web.devices;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The connect state as a cookie value: AES-256-GCM, so the browser can neither read the PKCE verifier nor change
 * a field without the whole value being refused. The callback accepts it only for the person who started it, for
 * the same provider, with the same state, within ten minutes.
 */
public final class ConnectCookie {

    /** Sent only to the callback, and cleared there whatever happens. */
    public static final String NAME = "rebound-connect";
    public static final String PATH = "/devices/callback";
    public static final Duration LIFETIME = Duration.ofMinutes(10);

    private static final byte VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] ASSOCIATED = "rebound device connect state".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** Why a callback is or is not accepted. */
    public enum Verdict {
        VALID,
        /** No cookie: it ran out in the browser, was never set here, or another browser came back. */
        MISSING,
        /** Changed, cut, or sealed with another key (a restart with a random secret). */
        UNREADABLE,
        /** Started by someone else signed in. */
        OTHER_PERSON,
        EXPIRED,
        OTHER_PROVIDER,
        /** The state the provider echoed is not the one we sent: another attempt's answer, or a forged one. */
        STATE_MISMATCH
    }

    /** The verdict, and the state when it could be read (for where to send the person back). */
    public record Check(Verdict verdict, ConnectState state) {
        public boolean valid() {
            return verdict == Verdict.VALID;
        }
    }

    /** The sealed fields, short-named: the cookie travels with every callback. */
    private record Sealed(String st, String cv, String p, String r, String s, long exp) {
    }

    private final SecretKey key;
    private final SecureRandom random;

    /**
     * @param secret any length; the key is derived from it with a label of its own, so the same secret can serve
     *               the sign-in's state cookie without the two keys being the same
     */
    public ConnectCookie(byte[] secret, SecureRandom random) {
        this.key = new SecretKeySpec(derive(secret), "AES");
        this.random = random;
    }

    private static byte[] derive(byte[] secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("rebound-web device-connect-cookie v1\0".getBytes(StandardCharsets.US_ASCII));
            return sha.digest(secret);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh attempt: 256-bit state and PKCE verifier, good for {@link #LIFETIME} from now. */
    public ConnectState begin(DeviceProvider provider, String runnerId, String subject, Instant now) {
        return new ConnectState(Pkce.randomToken(random), Pkce.verifier(random), provider.id(), runnerId, subject,
                now.plus(LIFETIME));
    }

    public String seal(ConnectState state) {
        try {
            byte[] plain = JSON.writeValueAsBytes(new Sealed(state.state(), state.verifier(), state.provider(),
                    state.runnerId(), state.subject(), state.expiresAt().getEpochSecond()));
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(ASSOCIATED);
            byte[] sealed = cipher.doFinal(plain);
            ByteBuffer out = ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(VERSION).put(iv).put(sealed);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the connect state could not be sealed", e);
        }
    }

    /** The state in a cookie value, or null when it is not one this key sealed, unchanged. */
    ConnectState open(String value) {
        if (value == null || value.isEmpty() || value.length() > 2048) {
            return null;
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(value);
            if (bytes.length < 1 + IV_BYTES + TAG_BITS / 8 || bytes[0] != VERSION) {
                return null;
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 1, IV_BYTES));
            cipher.updateAAD(ASSOCIATED);
            byte[] plain = cipher.doFinal(bytes, 1 + IV_BYTES, bytes.length - 1 - IV_BYTES);
            Sealed sealed = JSON.readValue(plain, Sealed.class);
            if (sealed.st() == null || sealed.cv() == null || sealed.p() == null || sealed.r() == null || sealed.s() == null) {
                return null;
            }
            return new ConnectState(sealed.st(), sealed.cv(), sealed.p(), sealed.r(), sealed.s(),
                    Instant.ofEpochSecond(sealed.exp()));
        } catch (IllegalArgumentException | IOException | GeneralSecurityException e) {
            return null;
        }
    }

    /**
     * Whether the provider's answer belongs to the attempt in this cookie.
     *
     * @param value    the cookie's value, or null when the browser sent none
     * @param state    the {@code state} parameter the provider sent back
     * @param subject  who is signed in now
     */
    public Check check(String value, DeviceProvider provider, String state, String subject, Instant now) {
        if (value == null || value.isEmpty()) {
            return new Check(Verdict.MISSING, null);
        }
        ConnectState sealed = open(value);
        if (sealed == null) {
            return new Check(Verdict.UNREADABLE, null);
        }
        if (!sealed.subject().equals(subject)) {
            return new Check(Verdict.OTHER_PERSON, null);
        }
        if (!now.isBefore(sealed.expiresAt())) {
            return new Check(Verdict.EXPIRED, sealed);
        }
        if (!sealed.provider().equals(provider.id())) {
            return new Check(Verdict.OTHER_PROVIDER, sealed);
        }
        if (state == null || !MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8),
                sealed.state().getBytes(StandardCharsets.UTF_8))) {
            return new Check(Verdict.STATE_MISMATCH, sealed);
        }
        return new Check(Verdict.VALID, sealed);
    }
}
