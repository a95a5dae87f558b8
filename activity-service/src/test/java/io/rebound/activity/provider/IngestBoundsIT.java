package io.rebound.activity.provider;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.rebound.activity.Callers;
import io.rebound.activity.ProviderApisResource;
import io.rebound.activity.provider.generic.StandardWebhookVerifier;
import io.rebound.testkit.DevstackResource;
import io.rebound.testkit.InfraAvailable;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Deliveries held to the same bounds as every way in: times in range, bodies that are UTF-8 text. */
@QuarkusTest
@ExtendWith(InfraAvailable.class)
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "activity"))
@QuarkusTestResource(ProviderApisResource.class)
class IngestBoundsIT {

    /** A lone continuation byte: no UTF-8 text has it there. */
    private static final byte[] NOT_UTF8 = {(byte) 0xC3, (byte) 0x28};

    private static String runner() {
        return "runner-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String garminUser() {
        return "garmin-" + UUID.randomUUID().toString().replace("-", "");
    }

    /** {@code text} with the malformed bytes where {@code MARK} is. */
    private static byte[] withMalformedBytes(String text) {
        String[] parts = text.split("MARK", -1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(parts[0].getBytes(StandardCharsets.UTF_8));
        out.writeBytes(NOT_UTF8);
        out.writeBytes(parts[1].getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static void nothingStoredFor(String runner) {
        Callers.runner(runner).when().get("/api/v1/runners/{runner}/activities", runner).then().statusCode(200)
                .body("$", hasSize(0));
    }

    @Test
    void garminSummariesStartingTwoDaysAheadOrIn2090AreRefusedEachOnItsOwn() throws Exception {
        String runner = runner();
        String user = garminUser();
        Deliveries.link(runner, "garmin", user);
        long twoDaysAhead = Instant.now().plus(Duration.ofDays(2)).getEpochSecond();
        long in2090 = Instant.parse("2090-06-01T06:00:00Z").getEpochSecond();
        long anHourAgo = Instant.now().minus(Duration.ofHours(1)).getEpochSecond();
        String push = "{\"activities\": [" + Deliveries.garminSummary(user, "ahead-1", twoDaysAhead, 5000) + ", "
                + Deliveries.garminSummary(user, "ahead-2", in2090, 5000) + ", "
                + Deliveries.garminSummary(user, "fine-1", anHourAgo, 5000) + "]}";

        given().contentType(ContentType.JSON).body(push).when().post(Deliveries.garminUrl())
                .then().statusCode(200)
                .body("outcomes", contains("refused", "refused", "created"))
                .body("refused", hasSize(2))
                .body("refused[0].summaryId", equalTo("ahead-1"))
                .body("refused[0].field", equalTo("activities[0].startTimeInSeconds"))
                .body("refused[0].reason", containsString("at most 24 hours in the future"))
                .body("refused[1].summaryId", equalTo("ahead-2"))
                .body("refused[1].field", equalTo("activities[1].startTimeInSeconds"));

        Callers.runner(runner).when().get("/api/v1/runners/{runner}/activities", runner).then().statusCode(200)
                .body("$", hasSize(1));
        assertThat(Deliveries.count("SELECT count(*) FROM refused_delivery WHERE provider = 'garmin'"
                + " AND provider_user_id = ? AND field LIKE '%startTimeInSeconds'", user)).isEqualTo(2);
    }

    @Test
    void aGarminPushThatIsNotUtf8IsRefusedWholeAndNothingIsStored() throws Exception {
        String runner = runner();
        String user = garminUser();
        Deliveries.link(runner, "garmin", user);
        long anHourAgo = Instant.now().minus(Duration.ofHours(1)).getEpochSecond();
        byte[] push = withMalformedBytes(Deliveries.garminPush(user, "bytesMARK", anHourAgo, 5000));

        given().contentType(ContentType.JSON).body(push).when().post(Deliveries.garminUrl())
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("(body)"))
                .body("errors[0].message", containsString("must be UTF-8 text"));

        nothingStoredFor(runner);
        assertThat(Deliveries.count("SELECT count(*) FROM refused_delivery WHERE provider_user_id = ?", user)).isZero();
    }

    @Test
    void aSignedGenericWebhookThatIsNotUtf8IsRefusedAsSuch() {
        String runner = runner();
        String user = "app-" + UUID.randomUUID().toString().substring(0, 8);
        Deliveries.link(runner, "webhook", user);
        String id = "msg_" + UUID.randomUUID();
        byte[] body = withMalformedBytes(Deliveries.generic("activity.created", user, "a-MARK", 5000, Instant.now()));
        String secret = Deliveries.config().getValue("rebound.activity.webhook.generic.secrets", String.class);
        long now = Instant.now().getEpochSecond();

        given().contentType(ContentType.JSON).header("webhook-id", id).header("webhook-timestamp", Long.toString(now))
                .header("webhook-signature", StandardWebhookVerifier.sign(secret, id, now, body))
                .body(body).when().post("/api/v1/webhooks/generic")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("(body)"));

        nothingStoredFor(runner);
    }

    @Test
    void aStravaEventThatIsNotUtf8IsRefused() {
        byte[] event = withMalformedBytes("""
                {"aspect_type": "update", "event_time": 1764230400, "object_id": 17, "object_type": "activity",
                 "owner_id": 42, "subscription_id": %d, "updates": {"title": "MARK"}}
                """.formatted(Deliveries.stravaSubscription()));

        given().contentType(ContentType.JSON).body(event).when().post("/api/v1/webhooks/strava")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("(body)"));
    }

    @Test
    void aSignedPolarEventThatIsNotUtf8IsRefusedAsSuch() throws Exception {
        byte[] ping = withMalformedBytes("{\"event\": \"PING\", \"timestamp\": \"2026-11-27T10:00:00Z\", \"note\": \"MARK\"}");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("test-polar-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));

        ValidatableResponse answer = given().contentType(ContentType.JSON).header("Polar-Webhook-Event", "PING")
                .header("Polar-Webhook-Signature", HexFormat.of().formatHex(mac.doFinal(ping))).body(ping)
                .when().post("/api/v1/webhooks/polar").then();

        answer.statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("(body)"));
    }
}
