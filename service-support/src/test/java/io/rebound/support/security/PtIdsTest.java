package io.rebound.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PtIdsTest {

    @Test
    void derivedIdIsTheRecipientIdNotificationServiceUses() {
        // pt- and the first 20 hex digits of sha256("lee@clinic.example.org"), as RecipientIds.ofPt computes them.
        assertThat(PtIds.fromEmail("lee@clinic.example.org")).isEqualTo("pt-b3a5b9861eca7a89b173");
        assertThat(PtIds.fromEmail("  Lee@Clinic.Example.org ")).isEqualTo("pt-b3a5b9861eca7a89b173");
    }

    @Test
    void givenIdWinsOverTheDerivedOne() {
        assertThat(PtIds.of("clinic-7", "lee@clinic.example.org")).isEqualTo("clinic-7");
        assertThat(PtIds.of(null, "lee@clinic.example.org")).isEqualTo(PtIds.fromEmail("lee@clinic.example.org"));
        assertThat(PtIds.of(" ", "lee@clinic.example.org")).isEqualTo(PtIds.fromEmail("lee@clinic.example.org"));
    }
}
