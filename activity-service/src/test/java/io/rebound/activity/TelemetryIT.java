package io.rebound.activity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.rebound.activity.provider.generic.StandardWebhookVerifier;
import io.rebound.testkit.DevstackResource;
import io.rebound.testkit.InfraAvailable;
import io.rebound.testkit.PrometheusText;
import io.rebound.support.telemetry.RecordedSpans;
import io.rebound.testkit.TopicReader;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What an operator sees of activity-service: its metrics on /q/metrics and the trace context carried to Kafka. */
@QuarkusTest
@ExtendWith(InfraAvailable.class)
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "activity"))
@QuarkusTestResource(ProviderApisResource.class)
class TelemetryIT {

    private static final String ACCEPTED = "rebound_activities_accepted_total";
    private static final String SIGNATURE_FAILURES = "rebound_webhook_signature_failures_total";

    @Inject
    RecordedSpans spans;

    private static String scrape() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double accepted(String scrape, String provider, String outcome) {
        return PrometheusText.value(scrape, ACCEPTED, Map.of("provider", provider, "outcome", outcome));
    }

    private static String samples(String scrape, String name) {
        return String.join("\n", scrape.lines().filter(line -> line.startsWith(name)).toList());
    }

    private static String runner() {
        return "runner-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String activity(String runner) {
        return """
                {"runnerId": "%s", "sport": "run", "startTime": "2026-11-03T07:15:00-06:00", "durationSeconds": 1800,
                 "distanceMetres": 5000}
                """.formatted(runner);
    }

    private static String secret() {
        return ConfigProvider.getConfig().getValue("rebound.activity.webhook.generic.secrets", String.class);
    }

    private static int signed(String webhookId, String body, String secret) {
        long now = Instant.now().getEpochSecond();
        return given().contentType(ContentType.JSON)
                .header("webhook-id", webhookId)
                .header("webhook-timestamp", Long.toString(now))
                .header("webhook-signature", StandardWebhookVerifier.sign(secret, webhookId, now,
                        body.getBytes(StandardCharsets.UTF_8)))
                .body(body).when().post("/api/v1/webhooks/generic").then().extract().statusCode();
    }

    private static String generic(String userId, String activityId) {
        return """
                {"type": "activity.created", "data": {"userId": "%s", "activityId": "%s", "sport": "run",
                 "startTime": "2026-11-04T07:00:00Z", "durationSeconds": 1800, "distanceMetres": 6000}}
                """.formatted(userId, activityId);
    }

    @Test
    void eachWayInIsCountedByProviderAndOutcomeOnceCommitted() {
        String before = scrape();
        String runner = runner();

        Callers.runner(runner).contentType(ContentType.JSON).body(activity(runner)).post("/api/v1/activities")
                .then().statusCode(202);
        Callers.runner(runner).contentType(ContentType.JSON).body("{\"runnerId\": \"" + runner + "\"}")
                .post("/api/v1/activities")
                .then().statusCode(400);

        String user = "w-" + runner;
        Callers.admin().contentType(ContentType.JSON)
                .body("{\"provider\": \"webhook\", \"providerUserId\": \"" + user + "\"}")
                .post("/api/v1/runners/{runner}/links", runner).then().statusCode(201);
        String delivery = "msg_" + UUID.randomUUID();
        assertThat(signed(delivery, generic(user, "a1"), secret())).isEqualTo(200);
        assertThat(signed(delivery, generic(user, "a1"), secret())).as("the same delivery again").isEqualTo(200);
        assertThat(signed("msg_" + UUID.randomUUID(), generic(user, "a2"),
                "whsec_" + java.util.Base64.getEncoder().encodeToString("not-our-secret-at-all-00000000".getBytes())))
                .isEqualTo(401);

        String after = scrape();
        assertThat(accepted(after, "api", "accepted") - accepted(before, "api", "accepted"))
                .as("api accepted, before:\n%s\nafter:\n%s", samples(before, ACCEPTED), samples(after, ACCEPTED)).isEqualTo(1);
        assertThat(accepted(after, "api", "rejected") - accepted(before, "api", "rejected")).isEqualTo(1);
        assertThat(accepted(after, "webhook", "accepted") - accepted(before, "webhook", "accepted")).isEqualTo(1);
        assertThat(accepted(after, "webhook", "duplicate") - accepted(before, "webhook", "duplicate")).isEqualTo(1);
        assertThat(accepted(after, "webhook", "rejected") - accepted(before, "webhook", "rejected")).isEqualTo(1);
        assertThat(PrometheusText.value(after, SIGNATURE_FAILURES, Map.of("provider", "webhook"))
                - PrometheusText.value(before, SIGNATURE_FAILURES, Map.of("provider", "webhook"))).isEqualTo(1);
        assertThat(after).doesNotContain(runner).doesNotContain(user);
    }

    @Test
    void outboxBacklogAndBuiltInMetricsAreServed() {
        String scrape = scrape();
        assertThat(PrometheusText.has(scrape, "rebound_outbox_backlog")).isTrue();
        assertThat(PrometheusText.has(scrape, "rebound_outbox_oldest_age_seconds")).isTrue();
        assertThat(PrometheusText.value(scrape, "rebound_outbox_backlog", Map.of())).isGreaterThanOrEqualTo(0);
        assertThat(PrometheusText.has(scrape, "http_server_requests_seconds_count")).isTrue();
        assertThat(PrometheusText.has(scrape, "jvm_memory_used_bytes")).isTrue();
        assertThat(scrape).contains("kafka_producer_").contains("postgresql_");
    }

    @Test
    void relayedRecordCarriesTheTraceContextTheActivityWasStagedIn() {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String callerSpan = HexFormat.of().formatHex(randomBytes(8));
        String runner = runner();
        Callers.runner(runner).contentType(ContentType.JSON).header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .body(activity(runner)).post("/api/v1/activities").then().statusCode(202);

        List<ConsumerRecord<String, String>> published = new TopicReader(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))
                .await("activities", r -> runner.equals(r.key()), 1, Duration.ofSeconds(30), Duration.ZERO);
        assertThat(published).hasSize(1);
        String traceparent = new String(published.get(0).headers().lastHeader("traceparent").value(), StandardCharsets.US_ASCII);
        assertThat(traceparent).startsWith("00-" + traceId + "-").endsWith("-01");
        String stagingSpan = traceparent.split("-")[2];
        assertThat(stagingSpan).isNotEqualTo(callerSpan);

        // The span current when the row was staged: the request's server span, a child of the caller's.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            SpanData staging = spans.of(traceId).stream()
                    .filter(span -> span.getSpanId().equals(stagingSpan)).findFirst().orElseThrow();
            assertThat(staging.getParentSpanId()).isEqualTo(callerSpan);
            assertThat(staging.getName()).contains("/api/v1/activities");
        });
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1;
        return bytes;
    }
}
