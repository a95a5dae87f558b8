package io.rebound.activity.provider.polar;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.rebound.activity.ingest.DeviceActivity;
import io.rebound.activity.ingest.Provider;
import io.rebound.activity.provider.FetchResult;
import io.rebound.activity.provider.Fixtures;
import io.rebound.events.Sport;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolarClientTest {

    private static final String PATH = "/v3/exercises/2AC312F";
    private static final String TOKEN = "8f1c2e9d0b7a4c3e5f6a7b8c9d0e1f2a";

    private WireMockServer polar;
    private PolarClient client;
    private String exerciseUrl;

    @BeforeEach
    void startPolar() {
        polar = new WireMockServer(options().dynamicPort());
        polar.start();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        client = new PolarClient(URI.create(polar.baseUrl()), http,
                Clock.fixed(Instant.parse("2025-07-12T15:30:00Z"), ZoneOffset.UTC));
        exerciseUrl = polar.baseUrl() + PATH;
    }

    @AfterEach
    void stopPolar() {
        polar.stop();
    }

    @Test
    void exerciseIsMappedOntoRebounds() {
        polar.stubFor(get(urlEqualTo(PATH)).willReturn(okJson(Fixtures.json("polar/exercise.json").toString())));

        FetchResult result = client.fetchExercise(TOKEN, exerciseUrl);

        assertThat(result).isEqualTo(new FetchResult.Fetched(new DeviceActivity(
                Provider.POLAR, "2AC312F", Sport.TRAIL_RUN,
                OffsetDateTime.parse("2025-07-12T16:05:31+02:00"), 3723, 10012.4, 151)));
        polar.verify(getRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void negativeOffsetAndFractionalDurationAreKept() {
        stubExercise(Fixtures.json("polar/exercise.json")
                .put("start_time", "2025-03-02T06:45:00.000")
                .put("start_time_utc_offset", -300)
                .put("duration", "PT47M12.600S"));

        DeviceActivity activity = fetched();

        assertThat(activity.startTime()).isEqualTo(OffsetDateTime.parse("2025-03-02T06:45:00-05:00"));
        assertThat(activity.durationSeconds()).isEqualTo(2833);
    }

    @Test
    void sportStandsInWhenTheDetailIsNotListed() {
        stubExercise(Fixtures.json("polar/exercise.json")
                .put("sport", "RUNNING")
                .put("detailed_sport_info", "RUNNING_INTERVALS"));

        assertThat(fetched().sport()).isEqualTo(Sport.RUN);
    }

    @Test
    void indoorExerciseWithoutDistanceOrHeartRate() {
        ObjectNode exercise = Fixtures.json("polar/exercise.json")
                .put("sport", "OTHER")
                .put("detailed_sport_info", "INDOOR_ROWING")
                .put("has_route", false);
        exercise.remove("distance");
        exercise.remove("heart_rate");
        stubExercise(exercise);

        DeviceActivity activity = fetched();

        assertThat(activity.sport()).isEqualTo(Sport.ROW);
        assertThat(activity.distanceMetres()).isZero();
        assertThat(activity.averageHeartRate()).isNull();
    }

    @Test
    void unmappableDurationIsUnprocessableAndNamesTheField() {
        stubExercise(Fixtures.json("polar/exercise.json").put("duration", "01:02:03"));

        assertThat(client.fetchExercise(TOKEN, exerciseUrl))
                .isInstanceOfSatisfying(FetchResult.Unprocessable.class, unprocessable -> assertThat(unprocessable.reason())
                        .contains("duration '01:02:03'", "ISO-8601 duration"));
    }

    @Test
    void missingExerciseIsNotFound() {
        polar.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(404)));

        assertThat(client.fetchExercise(TOKEN, exerciseUrl)).isEqualTo(new FetchResult.NotFound());
    }

    @Test
    void revokedTokenIsUnauthorized() {
        polar.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(401)));

        assertThat(client.fetchExercise(TOKEN, exerciseUrl)).isEqualTo(new FetchResult.Unauthorized());
    }

    @Test
    void rateLimitedWithRetryAfterWaitsAsAsked() {
        polar.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "Sat, 12 Jul 2025 15:32:30 GMT")));

        assertThat(client.fetchExercise(TOKEN, exerciseUrl))
                .isEqualTo(new FetchResult.RateLimited(Duration.ofSeconds(150)));
    }

    @Test
    void rateLimitedWithoutRetryAfterWaitsForTheShortTermReset() {
        polar.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(429)
                .withHeader("RateLimit-Usage", "521,2210")
                .withHeader("RateLimit-Limit", "520,5100")
                .withHeader("RateLimit-Reset", "412,61012")));

        assertThat(client.fetchExercise(TOKEN, exerciseUrl))
                .isEqualTo(new FetchResult.RateLimited(Duration.ofSeconds(412)));
    }

    @Test
    void rateLimitedWithTheLongTermLimitSpentWaitsForItsReset() {
        polar.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(429)
                .withHeader("RateLimit-Usage", "12,5100")
                .withHeader("RateLimit-Limit", "520,5100")
                .withHeader("RateLimit-Reset", "412,61012")));

        assertThat(client.fetchExercise(TOKEN, exerciseUrl))
                .isEqualTo(new FetchResult.RateLimited(Duration.ofSeconds(61012)));
    }

    @Test
    void rateLimitedWithNoHeadersWaitsOneWindow() {
        polar.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(429)));

        assertThat(client.fetchExercise(TOKEN, exerciseUrl)).isEqualTo(new FetchResult.RateLimited(Duration.ofMinutes(15)));
    }

    @Test
    void serverErrorIsTransient() {
        polar.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503)));

        assertThat(client.fetchExercise(TOKEN, exerciseUrl))
                .isInstanceOfSatisfying(FetchResult.TransientFailure.class,
                        failure -> assertThat(failure.reason()).contains("503", PATH));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://evil.example/v3/exercises/2AC312F",
        "http://169.254.169.254/latest/meta-data/",
        "http://localhost:1/v3/exercises/2AC312F",
        "http://user@localhost:PORT/v3/exercises/2AC312F",
        "http://localhost:PORT.evil.example/v3/exercises/2AC312F",
        "http://localhost:PORT/v3/../../admin",
        "http://localhost:PORT/v3/%2e%2e/%2e%2e/admin",
        "/v3/exercises/2AC312F",
        "file:///etc/passwd",
        "not a url at all"
    })
    void urlOutsideTheBaseIsRefusedWithoutARequest(String url) {
        String forged = url.replace("PORT", String.valueOf(polar.port()));

        assertThatThrownBy(() -> client.fetchExercise(TOKEN, forged))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exercise url '" + forged + "'");
        polar.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void baseWithAPathOnlyAllowsUrlsUnderThatPath() {
        PolarClient underV3 = new PolarClient(URI.create(polar.baseUrl() + "/v3"), HttpClient.newHttpClient());

        assertThatThrownBy(() -> underV3.fetchExercise(TOKEN, polar.baseUrl() + "/v3-admin/exercises/2AC312F"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> underV3.fetchExercise(TOKEN, polar.baseUrl() + "/v4/exercises/2AC312F"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void stubExercise(ObjectNode exercise) {
        polar.stubFor(get(urlEqualTo(PATH)).willReturn(okJson(exercise.toString())));
    }

    private DeviceActivity fetched() {
        FetchResult result = client.fetchExercise(TOKEN, exerciseUrl);
        assertThat(result).isInstanceOf(FetchResult.Fetched.class);
        return ((FetchResult.Fetched) result).activity();
    }
}
