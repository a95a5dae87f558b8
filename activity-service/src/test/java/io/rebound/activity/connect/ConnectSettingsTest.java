package io.rebound.activity.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rebound.activity.ingest.Provider;
import io.rebound.activity.provider.Credentials;
import io.rebound.activity.provider.strava.StravaOAuth;
import io.rebound.support.problem.ProblemException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectSettingsTest {

    private static ConnectSettings settings(Optional<String> stravaId, Optional<String> stravaSecret,
            Optional<String> garminId, List<String> redirects) {
        URI any = URI.create("https://provider.example");
        return new ConnectSettings(stravaId, stravaSecret, any, any, Optional.of("p"), Optional.of("ps"), any, any, any,
                garminId, Optional.empty(), any, any, any, redirects, Duration.ofSeconds(30));
    }

    @Test
    void onlyProvidersWithIdAndSecretAreAvailable() {
        ConnectSettings settings = settings(Optional.of("s"), Optional.of(" "), Optional.of("g"), List.of());
        assertThat(settings.available()).containsExactly("polar");
    }

    @Test
    void aProviderWithoutCredentialsIs503NamingEveryMissingKey() {
        ConnectSettings settings = settings(Optional.empty(), Optional.empty(), Optional.of("g"), List.of());
        assertThatThrownBy(() -> settings.require(Provider.STRAVA)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.getMessage()).contains("rebound.activity.strava.client-id (REBOUND_STRAVA_CLIENT_ID)")
                    .contains("rebound.activity.strava.client-secret (REBOUND_STRAVA_CLIENT_SECRET)");
        });
        assertThatThrownBy(() -> settings.require(Provider.GARMIN)).isInstanceOfSatisfying(ProblemException.class, e ->
                assertThat(e.getMessage()).contains("rebound.activity.garmin.client-secret")
                        .doesNotContain("garmin.client-id"));
        assertThat(settings.require(Provider.POLAR)).isEqualTo(new Credentials("p", "ps"));
    }

    @Test
    void aRedirectMustBeAConfiguredCallbackWithTheProviderFilledIn() {
        ConnectSettings settings = settings(Optional.of("s"), Optional.of("x"), Optional.empty(),
                List.of("https://web.example/devices/callback/{provider}", " https://other.example/strava-only "));
        settings.checkRedirect(Provider.STRAVA, "https://web.example/devices/callback/strava");
        settings.checkRedirect(Provider.STRAVA, "https://other.example/strava-only");
        for (String wrong : List.of("https://web.example/devices/callback/polar", "https://web.example/devices/callback/strava/",
                "https://web.example/devices/callback/strava?x=1", "http://web.example/devices/callback/strava")) {
            assertThatThrownBy(() -> settings.checkRedirect(Provider.STRAVA, wrong))
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.errors().get(0).field()).isEqualTo("redirectUri");
                    });
        }
    }

    @Test
    void onlyStravaPolarAndGarminCanBeConnected() {
        assertThat(ConnectSettings.provider("strava")).isEqualTo(Provider.STRAVA);
        assertThat(ConnectSettings.provider("GARMIN")).isEqualTo(Provider.GARMIN);
        for (String other : List.of("webhook", "file", "api", "fitbit", "")) {
            assertThatThrownBy(() -> ConnectSettings.provider(other)).isInstanceOfSatisfying(ProblemException.class,
                    e -> assertThat(e.status()).isEqualTo(404));
        }
    }

    @Test
    void stravaNeedsActivityReadAllAmongTheGrantedScopes() {
        assertThat(StravaOAuth.grantsActivities("read,activity:read_all")).isTrue();
        assertThat(StravaOAuth.grantsActivities("activity:read_all")).isTrue();
        assertThat(StravaOAuth.grantsActivities("read,activity:read")).isFalse();
        assertThat(StravaOAuth.grantsActivities("read,activity:read_all_not")).isFalse();
        assertThat(StravaOAuth.grantsActivities(null)).isFalse();
    }
}
