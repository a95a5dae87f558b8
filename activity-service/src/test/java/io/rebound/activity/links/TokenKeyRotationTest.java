package io.rebound.activity.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Rotating {@code rebound.activity.token-key}: the old key stays readable as a previous key until rows move on. */
class TokenKeyRotationTest {

    private static final String OLD = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final String NEW = "HxAREhMUFRYXGBkaGxwdHh8AAQIDBAUGBwgJCgsMDQ4=";
    private static final String OTHER = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";

    @Test
    void tokenWrittenUnderTheOldKeyReadsAfterRotation() {
        String sealed = new TokenCipher(Optional.of(OLD)).encrypt("strava-token-1");
        TokenCipher rotated = new TokenCipher(Optional.of(NEW), Optional.of(List.of(OLD)));
        assertThat(rotated.decrypt(sealed)).isEqualTo("strava-token-1");
        assertThat(rotated.sealedWithOldKey(sealed)).isTrue();
    }

    @Test
    void newTokensAreSealedWithTheCurrentKeyOnly() {
        TokenCipher rotated = new TokenCipher(Optional.of(NEW), Optional.of(List.of(OLD)));
        String sealed = rotated.encrypt("polar-token-2");
        assertThat(rotated.sealedWithOldKey(sealed)).isFalse();
        assertThat(new TokenCipher(Optional.of(NEW)).decrypt(sealed)).isEqualTo("polar-token-2");
        assertThatThrownBy(() -> new TokenCipher(Optional.of(OLD)).decrypt(sealed))
                .hasMessageContaining("wrong key");
    }

    @Test
    void valueFromBeforeKeyIdsIsOpenedByWhicheverKeySealedIt() throws Exception {
        String legacy = legacySeal(OLD, "garmin-less-token");
        TokenCipher rotated = new TokenCipher(Optional.of(NEW), Optional.of(List.of(OTHER, OLD)));
        assertThat(rotated.decrypt(legacy)).isEqualTo("garmin-less-token");
        assertThat(rotated.sealedWithOldKey(legacy)).isTrue();
        assertThat(new TokenCipher(Optional.of(OLD)).decrypt(legacy)).isEqualTo("garmin-less-token");
    }

    @Test
    void tokenUnderAKeyNoLongerConfiguredFailsClearly() throws Exception {
        String sealed = new TokenCipher(Optional.of(OLD)).encrypt("t");
        TokenCipher dropped = new TokenCipher(Optional.of(NEW), Optional.of(List.of(OTHER)));
        assertThatThrownBy(() -> dropped.decrypt(sealed))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("neither rebound.activity.token-key")
                .hasMessageContaining("rebound.activity.token-previous-keys")
                .hasMessageNotContaining(OLD).hasMessageNotContaining(NEW);
        String legacy = legacySeal(OLD, "t");
        assertThatThrownBy(() -> dropped.decrypt(legacy)).hasMessageContaining("none of the 2 configured keys");
    }

    @Test
    void damagedValueIsRefusedNotMisread() {
        TokenCipher cipher = new TokenCipher(Optional.of(NEW));
        String sealed = cipher.encrypt("abc");
        String damaged = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> cipher.decrypt(damaged)).hasMessageContaining("damaged value");
    }

    @Test
    void previousKeysWithoutACurrentKeyOrOfTheWrongLengthAreRefusedAtOnce() {
        assertThatThrownBy(() -> new TokenCipher(Optional.empty(), Optional.of(List.of(OLD))))
                .hasMessageContaining("rebound.activity.token-key is not");
        assertThatThrownBy(() -> new TokenCipher(Optional.of(NEW), Optional.of(List.of("c2hvcnQ="))))
                .hasMessageContaining("rebound.activity.token-previous-keys must be 32 bytes");
        assertThatThrownBy(() -> new TokenCipher(Optional.of("not base64!"), Optional.empty()))
                .hasMessageContaining("rebound.activity.token-key must be 32 bytes");
    }

    /** The format before key ids: base64 of nonce and ciphertext, no prefix. */
    private static String legacySeal(String key, String token) throws Exception {
        byte[] nonce = new byte[12];
        nonce[0] = 7;
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(key), "AES"),
                new GCMParameterSpec(128, nonce));
        byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
        byte[] out = new byte[nonce.length + sealed.length];
        System.arraycopy(nonce, 0, out, 0, nonce.length);
        System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
        return Base64.getEncoder().encodeToString(out);
    }
}
