package io.rebound.notification.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecipientIdsTest {

    @Test
    void ptIdIsPtAndTwentyHexDigitsOfTheSha256OfTheLowercasedTrimmedAddress() {
        // printf '%s' 'sam.okafor@clinic.example.org' | sha256sum
        assertThat(RecipientIds.ofPt("sam.okafor@clinic.example.org")).isEqualTo("pt-2d9544fcf580a109913b");
        assertThat(RecipientIds.ofPt("  Sam.Okafor@Clinic.Example.org ")).isEqualTo("pt-2d9544fcf580a109913b");
    }
}
