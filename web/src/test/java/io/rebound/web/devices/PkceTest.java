package io.rebound.web.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PkceTest {

    @Test
    void theChallengeIsTheS256OfTheVerifierAsRfc7636ComputesIt() {
        // RFC 7636, Appendix B.
        assertThat(Pkce.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void aVerifierIs43UnreservedCharactersAndNeverTheSameTwice() {
        SecureRandom random = new SecureRandom();
        String one = Pkce.verifier(random);
        String two = Pkce.verifier(random);

        assertThat(one).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(two).isNotEqualTo(one);
    }
}
