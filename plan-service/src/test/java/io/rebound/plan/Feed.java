package io.rebound.plan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.rebound.infrastructure.Tokens;
import io.rebound.testkit.TopicReader;
import io.rebound.testkit.TopicWriter;
import io.rebound.events.ActivityDeleted;
import io.rebound.events.ActivityRecorded;
import io.rebound.events.CloudEvents;
import io.rebound.events.EventJson;
import io.rebound.events.EventSchemas;
import io.rebound.events.EventType;
import io.rebound.events.Sport;
import io.rebound.support.security.PtIds;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Plays activity-service and a runner's app for plan-service's tests: plans over HTTP, activities onto Kafka. */
final class Feed implements AutoCloseable {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final double MILE = 1609.344;

    private final TopicWriter writer = new TopicWriter(bootstrap());
    private final java.util.Map<UUID, ActivityRecorded> sent = new java.util.HashMap<>();
    final String runner = "runner-" + UUID.randomUUID().toString().substring(0, 8);
    /** The email and so the PT id of the PT every Feed plan names. */
    static final String PT_EMAIL = "lee@clinic.example.org";
    private String runnerToken;
    private String ptToken;
    /** Events waiting to be sent together (see {@link #hold()}); null while each is sent at once. */
    private List<ProducerRecord<String, String>> held;

    /** The runner's own token, signed by devstack's issuer. */
    String runnerToken() {
        if (runnerToken == null) {
            runnerToken = Tokens.runner(runner);
        }
        return runnerToken;
    }

    /** The token of the PT the plan names (id derived from their email). */
    String ptToken() {
        if (ptToken == null) {
            ptToken = Tokens.pt(PtIds.fromEmail(PT_EMAIL));
        }
        return ptToken;
    }

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    static LocalDate daysAgo(int days) {
        return LocalDate.now(CHICAGO).minusDays(days);
    }

    /** A plan raced {@code daysAgo} days ago in Chicago, with the given peak week in miles (null: computed). */
    void plan(int raceDaysAgo, Double peakWeekMiles) {
        String peak = peakWeekMiles == null ? "" : "\"peakWeek\": {\"distance\": " + peakWeekMiles + ", \"unit\": \"mi\"},";
        given().auth().oauth2(runnerToken()).contentType(ContentType.JSON).body("""
                {"runnerId": "%s", "raceDate": "%s", "timeZone": "America/Chicago", %s "distanceUnit": "mi",
                 "maxHeartRate": 185,
                 "runner": {"name": "Ana Runner", "email": "ana@example.org"},
                 "physicalTherapist": {"name": "Dr. Lee", "email": "lee@clinic.example.org"}}
                """.formatted(runner, daysAgo(raceDaysAgo), peak))
                .when().post("/api/v1/plans").then().statusCode(201);
    }

    /** A plan as {@link #plan(int, Double)}, for a runner of the given name whose PT has the given id. */
    void plan(int raceDaysAgo, double peakWeekMiles, String runnerName, String ptId) {
        given().auth().oauth2(runnerToken()).contentType(ContentType.JSON).body("""
                {"runnerId": "%s", "raceDate": "%s", "timeZone": "America/Chicago",
                 "peakWeek": {"distance": %s, "unit": "mi"},
                 "runner": {"name": "%s", "email": "%s@example.org"},
                 "physicalTherapist": {"name": "Dr. %s", "email": "%s@clinic.example.org", "id": "%s"}}
                """.formatted(runner, daysAgo(raceDaysAgo), peakWeekMiles, runnerName, runner, ptId, ptId, ptId))
                .when().post("/api/v1/plans").then().statusCode(201);
    }

    /** An activity at 07:00 local on plan day {@code day} of a race {@code raceDaysAgo} days ago; its id. */
    UUID activity(int raceDaysAgo, int day, Sport sport, double metres, long minutes, int effort) {
        UUID id = UUID.randomUUID();
        ActivityRecorded event = new ActivityRecorded(id, runner, sport,
                daysAgo(raceDaysAgo).plusDays(day).atTime(LocalTime.of(7, 0)).atZone(CHICAGO).toOffsetDateTime(),
                minutes * 60, metres, effort, null, Instant.now(), null, null);
        send(ActivityRecorded.TYPE, id.toString(), event);
        sent.put(id, event);
        return id;
    }

    /** The same ActivityRecorded again, same ce_id: what a redelivery or a replay brings. */
    void redeliver(UUID activityId) {
        send(ActivityRecorded.TYPE, activityId.toString(), sent.get(activityId));
    }

    /** The activity as activity-service corrects it: same id, new distance. */
    void correct(UUID activityId, double metres) {
        ActivityRecorded before = sent.get(activityId);
        ActivityRecorded after = new ActivityRecorded(activityId, runner, before.sport(), before.startTime(),
                before.durationSeconds(), metres, before.perceivedEffort(), before.averageHeartRate(), before.acceptedAt(),
                before.strides(), before.massageDepth());
        io.rebound.events.ActivityCorrected corrected = new io.rebound.events.ActivityCorrected(after, Instant.now());
        send(io.rebound.events.ActivityCorrected.TYPE, corrected.eventId(), corrected);
        sent.put(activityId, after);
    }

    UUID run(int raceDaysAgo, int day, double metres) {
        return activity(raceDaysAgo, day, Sport.RUN, metres, Math.round(metres / 180), 3);
    }

    void delete(UUID activityId) {
        ActivityDeleted event = new ActivityDeleted(activityId, runner, Instant.now());
        send(ActivityDeleted.TYPE, event.eventId(), event);
    }

    /** Sends again, with the same ce_id, what a redelivery would bring. */
    <T> void send(EventType<T> type, String eventId, T event) {
        String json = EventJson.write(event);
        assertThat(EventSchemas.violations(type, json)).isEmpty();
        sendRaw(json, CloudEvents.headers(eventId, type, "/test", Instant.now()));
    }

    /** Any value under any headers, unchecked (garbage, say), in line with this runner's events. */
    void sendRaw(String value, Headers headers) {
        if (held != null) {
            held.add(new ProducerRecord<>("activities", null, runner, value, headers));
        } else {
            writer.send("activities", runner, value, headers);
        }
    }

    /** From now on, events wait for {@link #sendHeld()} instead of being sent one by one. */
    void hold() {
        held = new ArrayList<>();
    }

    /**
     * Sends the held events in one produce request: one key, so one partition and one record batch in the log, in
     * this order, which plan-service's consumer then polls together. Events are sent one by one again afterwards.
     */
    void sendHeld() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // Nothing leaves before flush(), and everything fits in one batch.
        props.put(ProducerConfig.LINGER_MS_CONFIG, "60000");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(1 << 20));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            held.forEach(producer::send);
            producer.flush();
        }
        held = null;
    }

    /**
     * Waits until plan-service's consumer group has committed every record on {@code activities}: from then on
     * the ledger holds every activity sent so far.
     */
    static void awaitConsumed(Duration timeout) {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                java.util.Map.of("bootstrap.servers", bootstrap()))) {
            org.awaitility.Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
                var committed = admin.listConsumerGroupOffsets("plan-service").partitionsToOffsetAndMetadata().get();
                var partitions = committed.keySet().stream().filter(tp -> tp.topic().equals("activities"))
                        .collect(java.util.stream.Collectors.toMap(tp -> tp,
                                tp -> org.apache.kafka.clients.admin.OffsetSpec.latest()));
                if (partitions.isEmpty()) {
                    return false;
                }
                var ends = admin.listOffsets(partitions).all().get();
                return partitions.keySet().stream().allMatch(tp -> committed.get(tp) != null
                        && committed.get(tp).offset() >= ends.get(tp).offset());
            });
        }
    }

    /**
     * Waits until at least {@code atLeast} alert-topic records for this runner arrived, and no longer: for a step
     * that only needs them there (what it checks next is checked elsewhere), not for counting them.
     */
    void awaitAlerts(int atLeast, Duration timeout) {
        assertThat(new TopicReader(bootstrap()).await("alerts", r -> runner.equals(r.key()), atLeast, timeout, Duration.ZERO))
                .hasSizeGreaterThanOrEqualTo(atLeast);
    }

    /** The alert-topic records for this runner once at least {@code atLeast} arrived and the topic went quiet. */
    List<ConsumerRecord<String, String>> alerts(int atLeast, Duration timeout) {
        return new TopicReader(bootstrap()).await("alerts", r -> runner.equals(r.key()), atLeast, timeout, Duration.ofSeconds(3));
    }

    @Override
    public void close() {
        writer.close();
    }
}
