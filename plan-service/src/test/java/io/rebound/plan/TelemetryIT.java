package io.rebound.plan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.rebound.testkit.DevstackResource;
import io.rebound.testkit.InfraAvailable;
import io.rebound.testkit.PrometheusText;
import io.rebound.support.telemetry.RecordedSpans;
import io.rebound.testkit.TopicWriter;
import io.rebound.events.ActivityRecorded;
import io.rebound.events.CloudEvents;
import io.rebound.events.EventJson;
import io.rebound.events.Sport;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What an operator sees of plan-service: the rule engine's metrics, dead letters, and one trace across Kafka. */
@QuarkusTest
@ExtendWith(InfraAvailable.class)
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "plan"))
class TelemetryIT {

    private static final Map<String, String> NO_RUNNING_OVERLOAD = Map.of("rule", "NO_RUNNING", "severity", "OVERLOAD");

    @Inject
    RecordedSpans spans;

    private static String scrape() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double moved(String before, String after, String name, Map<String, String> labels) {
        return PrometheusText.value(after, name, labels) - PrometheusText.value(before, name, labels);
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1;
        return HexFormat.of().formatHex(random);
    }

    /** A 5 km run today, accepted by activity-service a moment ago, sent within the caller's trace. */
    private static void publishRunToday(Feed feed, String traceparent) {
        UUID id = UUID.randomUUID();
        ActivityRecorded event = new ActivityRecorded(id, feed.runner, Sport.RUN,
                ZonedDateTime.now(Feed.CHICAGO).truncatedTo(ChronoUnit.DAYS).plusMinutes(1).toOffsetDateTime(), 1800, 5000,
                4, null, Instant.now(), null, null);
        Headers headers = CloudEvents.headers(id.toString(), ActivityRecorded.TYPE, "/test", Instant.now());
        headers.add("traceparent", traceparent.getBytes(StandardCharsets.US_ASCII));
        try (TopicWriter writer = new TopicWriter(Feed.bootstrap())) {
            writer.send("activities", feed.runner, EventJson.write(event), headers);
        }
    }

    @Test
    void runOnDayTwoCountsOneFindingOneAlertAndOneLatencySampleAndContinuesTheCallersTrace() {
        try (Feed feed = new Feed()) {
            feed.plan(2, 45.0);
            String before = scrape();
            String traceId = hex(16);
            String callerSpan = hex(8);
            publishRunToday(feed, "00-" + traceId + "-" + callerSpan + "-01");

            List<ConsumerRecord<String, String>> alerts = feed.alerts(1, Duration.ofSeconds(30));
            assertThat(alerts).hasSize(1);
            String after = scrape();
            assertThat(moved(before, after, "rebound_findings_total", NO_RUNNING_OVERLOAD)).isEqualTo(1);
            assertThat(moved(before, after, "rebound_alerts_raised_total", NO_RUNNING_OVERLOAD)).isEqualTo(1);
            assertThat(moved(before, after, "rebound_alert_latency_seconds_count", Map.of())).isEqualTo(1);
            assertThat(moved(before, after, "rebound_alert_latency_seconds_bucket", Map.of("le", "10.0"))).isEqualTo(1);
            assertThat(after).doesNotContain(feed.runner);

            // The alert leaves within the trace of the activity that caused it.
            String traceparent = new String(alerts.get(0).headers().lastHeader("traceparent").value(), StandardCharsets.US_ASCII);
            assertThat(traceparent).startsWith("00-" + traceId + "-");
            String stagingSpan = traceparent.split("-")[2];
            assertThat(stagingSpan).isNotEqualTo(callerSpan);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(spans.of(traceId))
                    .anySatisfy(span -> assertThat(span.getSpanId()).isEqualTo(stagingSpan)));
        }
    }

    @Test
    void unreadableRecordIsCountedAsADeadLetterOfItsChannel() {
        Map<String, String> activities = Map.of("channel", "activities");
        double before = PrometheusText.value(scrape(), "rebound_dead_letters_total", activities);
        try (TopicWriter writer = new TopicWriter(Feed.bootstrap())) {
            writer.send("activities", "runner-dlq", "{\"activityId\": 42",
                    CloudEvents.headers(UUID.randomUUID().toString(), ActivityRecorded.TYPE, "/test", Instant.now()));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(PrometheusText.value(scrape(), "rebound_dead_letters_total", activities) - before).isEqualTo(1));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(PrometheusText.value(scrape(), "rebound_dead_letters_total", activities) - before).isEqualTo(1));
    }
}
