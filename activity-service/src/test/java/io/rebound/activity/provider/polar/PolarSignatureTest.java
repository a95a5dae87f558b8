package io.rebound.activity.provider.polar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PolarSignatureTest {

    private static final String SECRET = "rebound-test-signing-key";
    private static final byte[] BODY = ("{\"event\":\"EXERCISE\",\"user_id\":475,\"entity_id\":\"aQlC83\","
            + "\"timestamp\":\"2018-05-15T14:22:24Z\",\"url\":\"https://www.polaraccesslink.com/v3/exercises/aQlC83\"}")
            .getBytes(StandardCharsets.UTF_8);
    /** Computed outside Java: printf '%s' "$BODY" | openssl dgst -sha256 -hmac rebound-test-signing-key */
    private static final String SIGNATURE = "a3b3bffcb1eb4a3dbaf8935bfc7123da820c310d93bfdd07f87002d77bad2d41";

    @Test
    void rightSignatureIsAccepted() {
        assertThat(PolarSignature.verify(BODY, SIGNATURE, SECRET)).isTrue();
    }

    @Test
    void upperCaseHexIsAccepted() {
        assertThat(PolarSignature.verify(BODY, SIGNATURE.toUpperCase(), SECRET)).isTrue();
    }

    @Test
    void wrongSecretIsRefused() {
        assertThat(PolarSignature.verify(BODY, SIGNATURE, "another-client-secret")).isFalse();
    }

    @Test
    void tamperedBodyIsRefused() {
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("475", "476").getBytes(StandardCharsets.UTF_8);

        assertThat(PolarSignature.verify(tampered, SIGNATURE, SECRET)).isFalse();
    }

    @Test
    void wrongSignatureIsRefused() {
        String oneDigitOff = SIGNATURE.substring(0, 63) + "0";

        assertThat(PolarSignature.verify(BODY, oneDigitOff, SECRET)).isFalse();
    }

    @Test
    void garbageHeaderIsRefusedWithoutAnException() {
        assertThat(PolarSignature.verify(BODY, "not-a-signature", SECRET)).isFalse();
        assertThat(PolarSignature.verify(BODY, "", SECRET)).isFalse();
        assertThat(PolarSignature.verify(BODY, "abc", SECRET)).isFalse();
        assertThat(PolarSignature.verify(BODY, SIGNATURE.substring(0, 62), SECRET)).isFalse();
        assertThat(PolarSignature.verify(BODY, SIGNATURE + "00", SECRET)).isFalse();
        assertThat(PolarSignature.verify(BODY, "sha256=" + SIGNATURE, SECRET)).isFalse();
    }

    @Test
    void nullsAreRefused() {
        assertThat(PolarSignature.verify(null, SIGNATURE, SECRET)).isFalse();
        assertThat(PolarSignature.verify(BODY, null, SECRET)).isFalse();
        assertThat(PolarSignature.verify(BODY, SIGNATURE, null)).isFalse();
        assertThat(PolarSignature.verify(BODY, SIGNATURE, "")).isFalse();
    }
}
