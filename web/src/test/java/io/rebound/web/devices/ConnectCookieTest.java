package io.rebound.web.devices;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebound.web.devices.ConnectCookie.Verdict;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ConnectCookieTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private final ConnectCookie cookies = new ConnectCookie("a-secret-of-at-least-thirty-two-chars".getBytes(StandardCharsets.UTF_8),
            new SecureRandom());
    private final ConnectState attempt = cookies.begin(DeviceProvider.STRAVA, "demo-runner", "demo-runner", NOW);
    private final String sealed = cookies.seal(attempt);

    @Test
    void theAttemptComesBackForTheSamePersonProviderAndStateWithinTenMinutes() {
        ConnectCookie.Check check = cookies.check(sealed, DeviceProvider.STRAVA, attempt.state(), "demo-runner",
                NOW.plusSeconds(599));

        assertThat(check.verdict()).isEqualTo(Verdict.VALID);
        assertThat(check.state()).isEqualTo(attempt);
        assertThat(check.state().expiresAt()).isEqualTo(NOW.plusSeconds(600));
    }

    @Test
    void eachAttemptHasItsOwn256BitStateAndVerifier() {
        ConnectState other = cookies.begin(DeviceProvider.STRAVA, "demo-runner", "demo-runner", NOW);

        assertThat(attempt.state()).hasSize(43).isNotEqualTo(other.state()).isNotEqualTo(attempt.verifier());
        assertThat(attempt.verifier()).hasSize(43).isNotEqualTo(other.verifier());
    }

    @Test
    void theBrowserCannotReadTheStateOrTheVerifier() {
        String decoded = new String(Base64.getUrlDecoder().decode(sealed), StandardCharsets.ISO_8859_1);

        assertThat(decoded).doesNotContain(attempt.state()).doesNotContain(attempt.verifier()).doesNotContain("demo-runner")
                .doesNotContain("strava");
    }

    @Test
    void aCookieWithAnyByteChangedIsRefused() {
        byte[] bytes = Base64.getUrlDecoder().decode(sealed);
        for (int i = 0; i < bytes.length; i++) {
            byte[] changed = bytes.clone();
            changed[i] ^= 0x01;
            String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(changed);

            assertThat(cookies.check(tampered, DeviceProvider.STRAVA, attempt.state(), "demo-runner", NOW).verdict())
                    .as("byte %d changed", i).isEqualTo(Verdict.UNREADABLE);
        }
    }

    @Test
    void aCutOrMadeUpCookieIsRefused() {
        assertThat(cookies.check(sealed.substring(0, sealed.length() - 2), DeviceProvider.STRAVA, attempt.state(),
                "demo-runner", NOW).verdict()).isEqualTo(Verdict.UNREADABLE);
        assertThat(cookies.check("not%20a cookie", DeviceProvider.STRAVA, attempt.state(), "demo-runner", NOW).verdict())
                .isEqualTo(Verdict.UNREADABLE);
    }

    @Test
    void aCookieSealedWithAnotherSecretIsRefused() {
        ConnectCookie elsewhere = new ConnectCookie("another-secret-of-thirty-two-characters".getBytes(StandardCharsets.UTF_8),
                new SecureRandom());

        assertThat(elsewhere.check(sealed, DeviceProvider.STRAVA, attempt.state(), "demo-runner", NOW).verdict())
                .isEqualTo(Verdict.UNREADABLE);
    }

    @Test
    void aCookieTenMinutesOldIsExpired() {
        assertThat(cookies.check(sealed, DeviceProvider.STRAVA, attempt.state(), "demo-runner", NOW.plusSeconds(600)).verdict())
                .isEqualTo(Verdict.EXPIRED);
    }

    @Test
    void anotherSignedInPersonCannotUseIt() {
        assertThat(cookies.check(sealed, DeviceProvider.STRAVA, attempt.state(), "someone-else", NOW).verdict())
                .isEqualTo(Verdict.OTHER_PERSON);
    }

    @Test
    void anAnswerFromAnotherProviderIsRefused() {
        assertThat(cookies.check(sealed, DeviceProvider.GARMIN, attempt.state(), "demo-runner", NOW).verdict())
                .isEqualTo(Verdict.OTHER_PROVIDER);
    }

    @Test
    void aStateOtherThanTheOneSentIsRefused() {
        String wrong = attempt.state().substring(1) + "A";

        assertThat(cookies.check(sealed, DeviceProvider.STRAVA, wrong, "demo-runner", NOW).verdict())
                .isEqualTo(Verdict.STATE_MISMATCH);
        assertThat(cookies.check(sealed, DeviceProvider.STRAVA, null, "demo-runner", NOW).verdict())
                .isEqualTo(Verdict.STATE_MISMATCH);
    }

    @Test
    void noCookieIsMissing() {
        assertThat(cookies.check(null, DeviceProvider.STRAVA, attempt.state(), "demo-runner", NOW).verdict())
                .isEqualTo(Verdict.MISSING);
        assertThat(cookies.check("", DeviceProvider.STRAVA, attempt.state(), "demo-runner", NOW).verdict())
                .isEqualTo(Verdict.MISSING);
    }
}
