package io.rebound.activity.provider.strava;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
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

class StravaClientTest {

    private static final long ACTIVITY_ID = 11897463210L;
    private static final String PATH = "/api/v3/activities/" + ACTIVITY_ID;
    private static final String TOKEN = "a4b945687g3c5e6f7d8e9f0a1b2c3d4e5f6a7b8c";
    /** 14:07:20 UTC: the current 15-minute window ends at 14:15:00, 7 min 40 s away. */
    private static final Instant NOW = Instant.parse("2025-07-12T14:07:20Z");

    private WireMockServer strava;
    private StravaClient client;

    @BeforeEach
    void startStrava() {
        strava = new WireMockServer(options().dynamicPort());
        strava.start();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        client = new StravaClient(URI.create(strava.baseUrl()), http, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stopStrava() {
        strava.stop();
    }

    @Test
    void detailedActivityIsMappedOntoRebounds() {
        strava.stubFor(get(urlEqualTo(PATH)).willReturn(okJson(Fixtures.json("strava/detailed-activity.json").toString())));

        FetchResult result = client.fetchActivity(TOKEN, ACTIVITY_ID);

        assertThat(result).isEqualTo(new FetchResult.Fetched(new DeviceActivity(
                Provider.STRAVA, "11897463210", Sport.TRAIL_RUN,
                OffsetDateTime.parse("2025-07-12T07:05:31-07:00"), 2712, 8046.7, 149)));
        strava.verify(getRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void winterStartTakesTheZonesStandardOffset() {
        ObjectNode activity = Fixtures.json("strava/detailed-activity.json")
                .put("start_date", "2025-01-18T15:30:00Z")
                .put("start_date_local", "2025-01-18T07:30:00Z");
        stubActivity(activity);

        assertThat(fetched().startTime()).isEqualTo(OffsetDateTime.parse("2025-01-18T07:30:00-08:00"));
    }

    @Test
    void unknownTimezoneFallsBackToTheLocalStartDifference() {
        ObjectNode activity = Fixtures.json("strava/detailed-activity.json")
                .put("timezone", "(GMT+05:45) Nowhere/Atlantis")
                .put("start_date", "2025-07-12T01:15:00Z")
                .put("start_date_local", "2025-07-12T07:00:00Z");
        stubActivity(activity);

        assertThat(fetched().startTime()).isEqualTo(OffsetDateTime.parse("2025-07-12T07:00:00+05:45"));
    }

    @Test
    void noTimezoneAndNoLocalStartIsUtc() {
        ObjectNode activity = Fixtures.json("strava/detailed-activity.json");
        activity.remove("timezone");
        activity.remove("start_date_local");
        stubActivity(activity);

        assertThat(fetched().startTime()).isEqualTo(OffsetDateTime.parse("2025-07-12T14:05:31Z"));
    }

    @Test
    void elapsedTimeStandsInWhenMovingTimeIsMissing() {
        ObjectNode activity = Fixtures.json("strava/detailed-activity.json");
        activity.remove("moving_time");
        stubActivity(activity);

        assertThat(fetched().durationSeconds()).isEqualTo(2860);
    }

    @Test
    void typeStandsInWhenSportTypeIsMissing() {
        ObjectNode activity = Fixtures.json("strava/detailed-activity.json").put("type", "VirtualRun");
        activity.remove("sport_type");
        stubActivity(activity);

        assertThat(fetched().sport()).isEqualTo(Sport.TREADMILL_RUN);
    }

    @Test
    void activityWithoutHeartRateHasNone() {
        ObjectNode activity = Fixtures.json("strava/detailed-activity.json").put("has_heartrate", false);
        activity.remove("average_heartrate");
        activity.remove("max_heartrate");
        stubActivity(activity);

        assertThat(fetched().averageHeartRate()).isNull();
    }

    @Test
    void unmappableBodyIsUnprocessableAndNamesTheField() {
        ObjectNode activity = Fixtures.json("strava/detailed-activity.json").put("start_date", "last Tuesday");
        stubActivity(activity);

        assertThat(client.fetchActivity(TOKEN, ACTIVITY_ID))
                .isInstanceOfSatisfying(FetchResult.Unprocessable.class, unprocessable -> assertThat(unprocessable.reason())
                        .contains("start_date", "last Tuesday", "ISO-8601"));
    }

    @Test
    void deletedActivityIsNotFound() {
        strava.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Record Not Found\",\"errors\":[{\"resource\":\"Activity\",\"field\":\"id\",\"code\":\"invalid\"}]}")));

        assertThat(client.fetchActivity(TOKEN, ACTIVITY_ID)).isEqualTo(new FetchResult.NotFound());
    }

    @Test
    void revokedTokenIsUnauthorized() {
        strava.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Authorization Error\",\"errors\":[{\"resource\":\"Athlete\",\"field\":\"access_token\",\"code\":\"invalid\"}]}")));

        assertThat(client.fetchActivity(TOKEN, ACTIVITY_ID)).isEqualTo(new FetchResult.Unauthorized());
    }

    @Test
    void rateLimitedWithRetryAfterWaitsAsAsked() {
        strava.stubFor(get(urlEqualTo(PATH)).willReturn(rateLimited("201,1544").withHeader("Retry-After", "90")));

        assertThat(client.fetchActivity(TOKEN, ACTIVITY_ID)).isEqualTo(new FetchResult.RateLimited(Duration.ofSeconds(90)));
    }

    @Test
    void rateLimitedWithoutRetryAfterWaitsForTheNextQuarterHour() {
        strava.stubFor(get(urlEqualTo(PATH)).willReturn(rateLimited("201,1544")));

        assertThat(client.fetchActivity(TOKEN, ACTIVITY_ID))
                .isEqualTo(new FetchResult.RateLimited(Duration.ofMinutes(7).plusSeconds(40)));
    }

    @Test
    void dailyLimitSpentWaitsUntilMidnightUtc() {
        strava.stubFor(get(urlEqualTo(PATH)).willReturn(rateLimited("87,2000")));

        assertThat(client.fetchActivity(TOKEN, ACTIVITY_ID))
                .isEqualTo(new FetchResult.RateLimited(Duration.between(NOW, Instant.parse("2025-07-13T00:00:00Z"))));
    }

    @Test
    void serverErrorIsTransient() {
        strava.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(500)));

        assertThat(client.fetchActivity(TOKEN, ACTIVITY_ID))
                .isInstanceOfSatisfying(FetchResult.TransientFailure.class,
                        failure -> assertThat(failure.reason()).contains("500", String.valueOf(ACTIVITY_ID)));
    }

    @Test
    void brokenConnectionIsTransient() {
        strava.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThat(client.fetchActivity(TOKEN, ACTIVITY_ID)).isInstanceOf(FetchResult.TransientFailure.class);
    }

    @Test
    void forbiddenIsUnprocessableRatherThanRetried() {
        strava.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(403)));

        assertThat(client.fetchActivity(TOKEN, ACTIVITY_ID)).isInstanceOf(FetchResult.Unprocessable.class);
    }

    private ResponseDefinitionBuilder rateLimited(String usage) {
        return aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withHeader("X-RateLimit-Limit", "200,2000")
                .withHeader("X-RateLimit-Usage", usage)
                .withBody("{\"message\":\"Rate Limit Exceeded\",\"errors\":[{\"resource\":\"Application\",\"field\":\"rate limit\",\"code\":\"exceeded\"}]}");
    }

    private void stubActivity(ObjectNode activity) {
        strava.stubFor(get(urlEqualTo(PATH)).willReturn(okJson(activity.toString())));
    }

    private DeviceActivity fetched() {
        FetchResult result = client.fetchActivity(TOKEN, ACTIVITY_ID);
        assertThat(result).isInstanceOf(FetchResult.Fetched.class);
        return ((FetchResult.Fetched) result).activity();
    }
}
