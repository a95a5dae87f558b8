package io.rebound.system;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
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

/** The device side of the system test: WireMock playing Strava's API, and the bodies each provider sends. */
final class Providers implements AutoCloseable {

    static final String GENERIC_SECRET = "whsec_c3lzdGVtLXRlc3Qtc2VjcmV0LWZvci1yZWJvdW5kLTAx";
    static final String TOKEN_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    /** The secret at the end of the Garmin callback URL; Garmin pushes to /api/v1/webhooks/garmin/{secret}. */
    static final String GARMIN_PUSH_SECRET = "system-test-garmin-push-secret-0123456789";
    /** Our Strava push subscription: events must name it. */
    static final long STRAVA_SUBSCRIPTION = 120475;
    static final String GARMIN_PUSH_PATH = "/api/v1/webhooks/garmin/" + GARMIN_PUSH_SECRET;

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
