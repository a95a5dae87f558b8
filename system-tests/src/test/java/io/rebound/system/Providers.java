package io.rebound.system;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The device side of the system test: WireMock playing Strava's API and OAuth pages, and the bodies each provider sends. */
final class Providers implements AutoCloseable {

    static final String GENERIC_SECRET = "whsec_c3lzdGVtLXRlc3Qtc2VjcmV0LWZvci1yZWJvdW5kLTAx";
    static final String TOKEN_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    /** The secret at the end of the Garmin callback URL; Garmin pushes to /api/v1/webhooks/garmin/{secret}. */
    static final String GARMIN_PUSH_SECRET = "system-test-garmin-push-secret-0123456789";
    /** The secret key of Polar's webhook: Polar signs each event's body with it (HMAC-SHA256, hex). */
    static final String POLAR_WEBHOOK_SECRET = "system-test-polar-webhook-secret";
    /** Our Strava push subscription: events must name it. */
    static final long STRAVA_SUBSCRIPTION = 120475;
    static final String GARMIN_PUSH_PATH = "/api/v1/webhooks/garmin/" + GARMIN_PUSH_SECRET;
    /** Rebound's application at (WireMock's) Strava. */
    static final String STRAVA_CLIENT_ID = "rebound-system-test";
    static final String STRAVA_CLIENT_SECRET = "strava-system-test-secret";
    /** Where Strava's authorization page is: {@code /oauth/authorize}, as on Strava's own site. */
    static final String STRAVA_AUTHORIZE_PATH = "/oauth/authorize";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final WireMockServer server;

    private Providers(WireMockServer server) {
        this.server = server;
    }

    static Providers start() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        return new Providers(server);
    }

    String baseUrl() {
        return "http://localhost:" + server.port();
    }

    /** Stubs a Strava DetailedActivity (the fields Rebound reads, in Strava's shape); answers its id. */
    long stravaActivity(String token, String startUtc, double metres) {
        long id = ThreadLocalRandom.current().nextLong(10_000_000_000L, 20_000_000_000L);
        String body = """
                {"resource_state": 3, "id": %d, "name": "Easy shakeout", "distance": %s, "moving_time": 2712,
                 "elapsed_time": 2860, "total_elevation_gain": 41.0, "type": "Run", "sport_type": "Run",
                 "start_date": "%s", "timezone": "(GMT-08:00) America/Los_Angeles", "utc_offset": -28800.0,
                 "average_speed": 2.951, "max_speed": 4.2, "has_heartrate": true, "average_heartrate": 148.6,
                 "max_heartrate": 171.0, "athlete": {"id": 1, "resource_state": 1}, "manual": false, "private": false}
                """.formatted(id, metres, startUtc);
        server.stubFor(get(urlEqualTo("/api/v3/activities/" + id)).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson(body)));
        return id;
    }

    /** A Strava athlete as the OAuth stubs play them: their id, the one-time code and the access token they get. */
    record StravaAthlete(long id, String code, String accessToken) {
    }

    /**
     * Strava's side of connecting, for one athlete who says yes at once: the authorization page sends the browser
     * straight back to the {@code redirect_uri} it was given with a code, the same {@code state} and the scope
     * granted, as Strava does after "Authorize"; the token endpoint trades that code (with our client id and secret)
     * for a six-hour access token, a refresh token and the athlete; their activities list is one empty page (the
     * backfill); deauthorization answers as Strava does.
     *
     * @param redirectUri the web app's callback, which the authorization page must be asked to return to
     */
    StravaAthlete stravaAthleteWhoSaysYes(String redirectUri) {
        long athlete = ThreadLocalRandom.current().nextLong(100_000_000L, 900_000_000L);
        String code = "code" + UUID.randomUUID().toString().replace("-", "");
        String access = "access" + UUID.randomUUID().toString().replace("-", "");
        server.stubFor(get(urlPathEqualTo(STRAVA_AUTHORIZE_PATH))
                .withQueryParam("client_id", equalTo(STRAVA_CLIENT_ID))
                .withQueryParam("response_type", equalTo("code"))
                .withQueryParam("redirect_uri", equalTo(redirectUri))
                .withQueryParam("scope", containing("activity:read_all"))
                .withQueryParam("state", matching("[A-Za-z0-9_-]{22,}"))
                .willReturn(aResponse().withStatus(302).withTransformers("response-template")
                        .withHeader("Location", "{{{request.query.redirect_uri}}}?state={{{request.query.state}}}&code="
                                + code + "&scope=read,activity:read_all")));
        long expiresAt = Instant.now().plus(Duration.ofHours(6)).getEpochSecond();
        server.stubFor(post(urlPathEqualTo("/oauth/token"))
                .withRequestBody(containing("grant_type=authorization_code"))
                .withRequestBody(containing("code=" + code))
                .withRequestBody(containing("client_id=" + STRAVA_CLIENT_ID))
                .withRequestBody(containing("client_secret=" + STRAVA_CLIENT_SECRET))
                .willReturn(okJson("""
                        {"token_type": "Bearer", "expires_at": %d, "expires_in": 21600,
                         "refresh_token": "refresh%s", "access_token": "%s",
                         "athlete": {"id": %d, "username": "sam_runs", "resource_state": 2, "firstname": "Sam",
                                     "lastname": "Demo", "city": "Chicago", "country": "United States", "sex": "F",
                                     "premium": false, "summit": false}}
                        """.formatted(expiresAt, UUID.randomUUID().toString().replace("-", ""), access, athlete))));
        server.stubFor(get(urlPathEqualTo("/api/v3/athlete/activities"))
                .withHeader("Authorization", equalTo("Bearer " + access)).willReturn(okJson("[]")));
        server.stubFor(post(urlPathEqualTo("/oauth/deauthorize")).withRequestBody(containing("access_token=" + access))
                .willReturn(okJson("{\"access_token\": \"" + access + "\"}")));
        return new StravaAthlete(athlete, code, access);
    }

    /** How often activity-service traded this athlete's code for tokens. */
    int stravaTokenExchanges(StravaAthlete athlete) {
        return server.findAll(postRequestedFor(urlPathEqualTo("/oauth/token"))
                .withRequestBody(containing("code=" + athlete.code()))).size();
    }

    /** How many pages of this athlete's activities activity-service asked for. */
    int stravaActivityPages(StravaAthlete athlete) {
        return server.findAll(getRequestedFor(urlPathEqualTo("/api/v3/athlete/activities"))
                .withHeader("Authorization", equalTo("Bearer " + athlete.accessToken()))).size();
    }

    int stravaDeauthorizations(StravaAthlete athlete) {
        return server.findAll(postRequestedFor(urlPathEqualTo("/oauth/deauthorize"))
                .withRequestBody(containing("access_token=" + athlete.accessToken()))).size();
    }

    static String stravaCreate(long activityId, long athlete) {
        return """
                {"aspect_type": "create", "event_time": %d, "object_id": %d, "object_type": "activity",
                 "owner_id": %d, "subscription_id": %d, "updates": {}}
                """.formatted(Instant.now().getEpochSecond(), activityId, athlete, STRAVA_SUBSCRIPTION);
    }

    static String garminPush(String userId, String startUtc, double metres) {
        return """
                {"activities": [{"userId": "%s", "userAccessToken": "x", "summaryId": "%s", "activityType": "RUNNING",
                 "startTimeInSeconds": %d, "startTimeOffsetInSeconds": -21600, "durationInSeconds": 2100,
                 "distanceInMeters": %s, "averageHeartRateInBeatsPerMinute": 139}]}
                """.formatted(userId, UUID.randomUUID(), Instant.parse(startUtc).getEpochSecond(), metres);
    }

    /** A Standard Webhooks delivery, signed as any other app would sign it. */
    static HttpResponse<String> postSignedWebhook(String api, String userId, String start, double metres) throws Exception {
        return postSignedWebhook(api, "msg_" + UUID.randomUUID(),
                genericActivity("activity.created", userId, UUID.randomUUID().toString(), start, metres, null));
    }

    /**
     * The body of a generic webhook about one activity.
     *
     * @param type      activity.created or activity.updated
     * @param versionAt the app's own time of this version of the activity, or null to leave it out
     */
    static String genericActivity(String type, String userId, String activityId, String start, double metres, Instant versionAt) {
        return """
                {"type": "%s", %s"data": {"userId": "%s", "activityId": "%s", "sport": "run",
                 "startTime": "%s", "durationSeconds": 2400, "distanceMetres": %s}}
                """.formatted(type, versionAt == null ? "" : "\"timestamp\": \"" + versionAt + "\", ", userId, activityId,
                start, metres);
    }

    /**
     * Sends one delivery, signed now: an app re-sending a delivery keeps its {@code webhook-id} and signs again with
     * the time of the new attempt. Gives up on an answer after 15 s, as a sender's HTTP client would.
     */
    static HttpResponse<String> postSignedWebhook(String api, String webhookId, String body) throws Exception {
        long timestamp = Instant.now().getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(GENERIC_SECRET.substring("whsec_".length())), "HmacSHA256"));
        String signature = Base64.getEncoder().encodeToString(
                mac.doFinal((webhookId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        return HTTP.send(HttpRequest.newBuilder(URI.create(api + "/api/v1/webhooks/generic"))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json").header("webhook-id", webhookId)
                .header("webhook-timestamp", Long.toString(timestamp)).header("webhook-signature", "v1," + signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        server.stop();
    }
}
