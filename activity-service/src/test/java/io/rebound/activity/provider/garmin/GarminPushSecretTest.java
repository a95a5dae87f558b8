package io.rebound.activity.provider.garmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GarminPushSecretTest {

    private static final String OURS = "a3f1c9e07b5d4e2a8c6f0b1d9e7a5c3f";
    private static final String NEXT = "next-secret-during-a-change_0123456789";

    @Test
    void onlyAConfiguredSecretMatches() {
        GarminPushSecret secret = new GarminPushSecret(List.of(OURS, NEXT));
        assertThat(secret.matches(OURS)).isTrue();
        assertThat(secret.matches(NEXT)).isTrue();
        assertThat(secret.matches(OURS.substring(1))).isFalse();
        assertThat(secret.matches(OURS + "0")).isFalse();
        assertThat(secret.matches("")).isFalse();
        assertThat(secret.matches(null)).isFalse();
    }

    @Test
    void withNoSecretConfiguredNothingMatches() {
        GarminPushSecret none = new GarminPushSecret(List.of());
        assertThat(none.configured()).isFalse();
        assertThat(none.matches(OURS)).isFalse();
    }

    @Test
    void aShortOrUnsafeSecretIsRefusedAtStart() {
        assertThatThrownBy(() -> new GarminPushSecret(List.of("short"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rebound.activity.garmin.push-secret");
        assertThatThrownBy(() -> new GarminPushSecret(List.of(OURS + "/../x"))).isInstanceOf(IllegalArgumentException.class);
    }
}
