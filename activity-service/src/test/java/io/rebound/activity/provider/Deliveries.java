package io.rebound.activity.provider;

import static io.restassured.RestAssured.given;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.rebound.activity.Callers;
import io.rebound.activity.provider.generic.StandardWebhookVerifier;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** What the providers send, in their own shapes and with their own credentials, for the webhook tests. */
final class Deliveries {

    private Deliveries() {
    }

    static Config config() {
        return ConfigProvider.getConfig();
    }

    /** WireMock playing Strava and Polar. */
    static WireMock providers() {
        URI base = URI.create(config().getValue("rebound.activity.strava.base-url", String.class));
        return new WireMock(base.getHost(), base.getPort());
    }

    /** Links by id, as only an admin may (runners connect through the provider instead). */
    static void link(String runner, String provider, String userId) {
        Callers.admin().contentType(ContentType.JSON)
                .body("{\"provider\": \"%s\", \"providerUserId\": \"%s\"}".formatted(provider, userId))
                .when().post("/api/v1/runners/{runner}/links", runner).then().statusCode(201);
    }

    static void link(String runner, String provider, String userId, String token) {
        Callers.admin().contentType(ContentType.JSON)
                .body("{\"provider\": \"%s\", \"providerUserId\": \"%s\", \"accessToken\": \"%s\"}".formatted(provider,
                        userId, token))
                .when().post("/api/v1/runners/{runner}/links", runner).then().statusCode(201);
    }

    /** Where Garmin pushes: the callback URL configured at Garmin, ending with our secret. */
    static String garminUrl() {
        return "/api/v1/webhooks/garmin/" + config().getValue("rebound.activity.garmin.push-secret", String.class);
    }

    /** One activity summary as Garmin's push carries it. */
    static String garminSummary(String userId, String summaryId, long startSeconds, double metres) {
        return """
                {"userId": "%s", "summaryId": "%s", "activityType": "RUNNING", "startTimeInSeconds": %d,
                 "startTimeOffsetInSeconds": 3600, "durationInSeconds": 1800, "distanceInMeters": %s,
                 "averageHeartRateInBeatsPerMinute": 141, "deviceName": "Forerunner 965"}""".formatted(userId, summaryId,
                startSeconds, metres);
    }

    static String garminPush(String userId, String summaryId, long startSeconds, double metres) {
        return "{\"activities\": [" + garminSummary(userId, summaryId, startSeconds, metres) + "]}";
    }

    static ValidatableResponse signed(String webhookId, String body) {
        String secret = config().getValue("rebound.activity.webhook.generic.secrets", String.class);
        long now = Instant.now().getEpochSecond();
        return given().contentType(ContentType.JSON)
                .header("webhook-id", webhookId)
                .header("webhook-timestamp", Long.toString(now))
                .header("webhook-signature", StandardWebhookVerifier.sign(secret, webhookId, now,
                        body.getBytes(StandardCharsets.UTF_8)))
                .body(body).when().post("/api/v1/webhooks/generic").then();
    }

    static String generic(String type, String userId, String activityId, double metres, Instant version) {
        return """
                {"type": "%s", "timestamp": "%s", "data": {"userId": "%s", "activityId": "%s", "sport": "run",
                 "startTime": "2026-11-19T07:00:00+01:00", "durationSeconds": 1800, "distanceMetres": %s}}
                """.formatted(type, version, userId, activityId, metres);
    }

    /** A Strava event of our subscription. */
    static String stravaEvent(long activityId, String aspect, long athlete) {
        return """
                {"aspect_type": "%s", "event_time": 1764230400, "object_id": %d, "object_type": "activity",
                 "owner_id": %d, "subscription_id": %d, "updates": {}}
                """.formatted(aspect, activityId, athlete, stravaSubscription());
    }

    static long stravaSubscription() {
        return 120475;
    }

    static ValidatableResponse strava(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/webhooks/strava").then();
    }

    /** The states of the fetch jobs of one provider activity, oldest first. */
    static List<String> jobStates(long providerActivityId) throws SQLException {
        return jobColumn("state", providerActivityId);
    }

    static List<String> jobErrors(long providerActivityId) throws SQLException {
        return jobColumn("last_error", providerActivityId);
    }

    private static List<String> jobColumn(String column, long providerActivityId) throws SQLException {
        try (Connection db = database();
                PreparedStatement query = db.prepareStatement("SELECT " + column + " FROM fetch_job WHERE"
                        + " provider_activity_id = ? ORDER BY created_at")) {
            query.setString(1, Long.toString(providerActivityId));
            List<String> values = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    /** The service's own database, for what no endpoint shows. */
    static Connection database() throws SQLException {
        return DriverManager.getConnection(config().getValue("quarkus.datasource.jdbc.url", String.class),
                config().getValue("quarkus.datasource.username", String.class),
                config().getValue("quarkus.datasource.password", String.class));
    }

    static long count(String sql, Object... parameters) throws SQLException {
        try (Connection db = database(); PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

}
