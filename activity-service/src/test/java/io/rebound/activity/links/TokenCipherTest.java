package io.rebound.activity.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenCipherTest {

    private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    @Test
    void tokenComesBackAndIsNeverStoredAsItself() {
        TokenCipher cipher = new TokenCipher(Optional.of(KEY));
        String sealed = cipher.encrypt("strava-access-token-123");
        assertThat(sealed).doesNotContain("strava-access-token-123");
        assertThat(cipher.encrypt("strava-access-token-123")).as("fresh nonce each time").isNotEqualTo(sealed);
        assertThat(cipher.decrypt(sealed)).isEqualTo("strava-access-token-123");
    }

    @Test
    void anotherKeyCannotReadIt() {
        String sealed = new TokenCipher(Optional.of(KEY)).encrypt("secret");
        TokenCipher other = new TokenCipher(Optional.of("HxAREhMUFRYXGBkaGxwdHh8AAQIDBAUGBwgJCgsMDQ4="));
        assertThatThrownBy(() -> other.decrypt(sealed)).hasMessageContaining("wrong key");
    }

    @Test
    void keyOfTheWrongLengthIsRefusedAtOnce() {
        assertThatThrownBy(() -> new TokenCipher(Optional.of("c2hvcnQ="))).hasMessageContaining("32 bytes");
        assertThat(new TokenCipher(Optional.empty()).configured()).isFalse();
    }
}
