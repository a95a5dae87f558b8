package io.rebound.activity.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.rebound.activity.provider.polar.PolarClient;
import io.rebound.activity.provider.strava.StravaClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An activity fetched from Strava or Polar is held to the same time bounds as every other way in. */
class FetchedTimesTest {

    /** The day of the fixtures' activities, a little after they ended. */
    private static final Instant NOW = Instant.parse("2025-07-12T18:00:00Z");
    private static final long STRAVA_ID = 11897463210L;
    private static final String POLAR_PATH = "/v3/exercises/2AC312F";

    private WireMockServer provider;
    private StravaClient strava;
    private PolarClient polar;

    @BeforeEach
    void start() {
        provider = new WireMockServer(options().dynamicPort());
        provider.start();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        strava = new StravaClient(URI.create(provider.baseUrl()), http, clock);
        polar = new PolarClient(URI.create(provider.baseUrl()), http, clock);
    }

    @AfterEach
    void stop() {
        provider.stop();
    }

    private FetchResult stravaWith(String startDate) {
        ObjectNode activity = Fixtures.json("strava/detailed-activity.json").put("start_date", startDate);
        activity.remove("start_date_local");
        provider.stubFor(get(urlEqualTo("/api/v3/activities/" + STRAVA_ID)).willReturn(okJson(activity.toString())));
        return strava.fetchActivity("token", STRAVA_ID);
    }

    private FetchResult polarWith(String startTime) {
        ObjectNode exercise = Fixtures.json("polar/exercise.json").put("start_time", startTime);
        provider.stubFor(get(urlEqualTo(POLAR_PATH)).willReturn(okJson(exercise.toString())));
        return polar.fetchExercise("token", provider.baseUrl() + POLAR_PATH);
    }

    @Test
    void aStravaActivityStartingTwoDaysAheadIsUnprocessableNamingStartDate() {
        assertThat(stravaWith("2025-07-14T18:00:00Z")).isInstanceOf(FetchResult.Unprocessable.class)
                .extracting(result -> ((FetchResult.Unprocessable) result).reason()).asString()
                .contains("start_date must be in the year 2000 or later and at most 24 hours in the future (got 2025-07-14T18:00:00Z)");
        assertThat(stravaWith("2090-01-01T00:00:00Z")).isInstanceOf(FetchResult.Unprocessable.class);
        assertThat(stravaWith("1999-12-31T23:00:00Z")).isInstanceOf(FetchResult.Unprocessable.class);
        assertThat(stravaWith("2025-07-13T17:00:00Z")).isInstanceOf(FetchResult.Fetched.class);
    }

    @Test
    void aPolarExerciseStartingTwoDaysAheadIsUnprocessableNamingStartTime() {
        // start_time is the watch's wall clock at +02:00 (start_time_utc_offset 120): 20:00 there is 18:00 UTC.
        assertThat(polarWith("2025-07-14T20:00:00")).isInstanceOf(FetchResult.Unprocessable.class)
                .extracting(result -> ((FetchResult.Unprocessable) result).reason()).asString()
                .contains("start_time must be in the year 2000 or later and at most 24 hours in the future (got 2025-07-14T20:00+02:00)");
        assertThat(polarWith("2090-01-01T00:00:00")).isInstanceOf(FetchResult.Unprocessable.class);
        assertThat(polarWith("2025-07-13T19:00:00")).isInstanceOf(FetchResult.Fetched.class);
    }
}
