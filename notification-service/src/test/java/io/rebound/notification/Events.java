package io.rebound.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebound.events.AlertAcknowledged;
import io.rebound.events.AlertWithdrawn;
import io.rebound.events.CloudEvents;
import io.rebound.events.DistanceUnit;
import io.rebound.events.EventJson;
import io.rebound.events.EventSchemas;
import io.rebound.events.EventType;
import io.rebound.events.OverloadAlertRaised;
import io.rebound.events.OverloadAlertRaised.Quantity;
import io.rebound.events.OverloadAlertRaised.TippingActivity;
import io.rebound.events.Phase;
import io.rebound.events.PlanChanged;
import io.rebound.events.Severity;
import io.rebound.events.Sport;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Sample events as plan-service publishes them, put on the real broker with their CloudEvents headers. */
final class Events {

    static final String SOURCE = "/rebound/plan-service";
    static final LocalDate RACE_DATE = LocalDate.parse("2026-11-01");

    private Events() {
    }

    static String runnerId() {
        return "runner-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static PlanChanged plan(String runnerId, DistanceUnit unit) {
        return new PlanChanged(UUID.randomUUID(), runnerId, RACE_DATE, "America/Chicago", 80_000, unit,
                new PlanChanged.Contact("Robin " + runnerId, runnerId + "@runners.example.org"),
                new PlanChanged.Contact("Dr. Sam Okafor", "pt-" + runnerId + "@clinic.example.org"),
                Instant.now(), false);
    }

    /** The same plan with another physical therapist. */
    static PlanChanged withPt(PlanChanged plan, PlanChanged.Contact pt) {
        return new PlanChanged(plan.planId(), plan.runnerId(), plan.raceDate(), plan.timeZone(), plan.peakWeekMetres(),
                plan.distanceUnit(), plan.runner(), pt, plan.changedAt(), false);
    }

    /** A 5000 m run on day 2, in the Rest phase: an OVERLOAD of "no running in days 1-7". */
    static OverloadAlertRaised runInRest(PlanChanged plan, Severity severity) {
        OffsetDateTime start = OffsetDateTime.parse("2026-11-03T07:15:00-06:00");
        return new OverloadAlertRaised(UUID.randomUUID(), plan.planId(), plan.runnerId(), "NO_RUNNING_BEFORE_DAY_8",
                "no running in days 1-7", severity, Phase.REST, 2, start.toLocalDate(), Quantity.RUNS, 0, 1,
                plan.distanceUnit(), new TippingActivity(UUID.randomUUID(), Sport.RUN, start, 1920, 5000),
                Instant.now(), Instant.now());
    }

    /** A 75-minute ride on day 5, in the Recover phase: a WARNING for a cross-training session over 40 min. */
    static OverloadAlertRaised longRideInRecover(PlanChanged plan) {
        OffsetDateTime start = OffsetDateTime.parse("2026-11-06T17:40:00-06:00");
        return new OverloadAlertRaised(UUID.randomUUID(), plan.planId(), plan.runnerId(),
                "CROSS_TRAINING_SESSION_OVER_40_MIN", "cross-training sessions of at most 40 min in days 4-7",
                Severity.WARNING, Phase.RECOVER, 5, start.toLocalDate(), Quantity.SECONDS, 2400, 4500,
                plan.distanceUnit(), new TippingActivity(UUID.randomUUID(), Sport.RIDE, start, 4500, 30_000),
                Instant.now(), Instant.now());
    }

    /**
     * A fourth run day in days 8-14 (a WARNING of "at most 3 run days"), carrying the window's running day by day
     * and what is left for today, as plan-service raises it: 4 km on days 8, 10 and 11, then 5 km on day 12.
     */
    static OverloadAlertRaised fourthRunDayInReintroduce(PlanChanged plan) {
        OffsetDateTime start = OffsetDateTime.parse("2026-11-13T06:30:00-06:00");
        return new OverloadAlertRaised(UUID.randomUUID(), plan.planId(), plan.runnerId(), "RUN_DAYS",
                "at most 3 run days in days 8-14", Severity.WARNING, Phase.REINTRODUCE, 12, start.toLocalDate(),
                Quantity.RUN_DAYS, 3, 4, plan.distanceUnit(), new TippingActivity(UUID.randomUUID(), Sport.RUN, start,
                        1800, 5000),
                Instant.now(), Instant.now(),
                new OverloadAlertRaised.TodayAllowance(start.toLocalDate(), 12, Phase.REINTRODUCE, true, 9656.1, 0,
                        0.0, false, true, 45, 2),
                new OverloadAlertRaised.WindowRunning(8, 14, List.of(4000.0, 0.0, 4000.0, 4000.0, 5000.0, 0.0, 0.0),
                        9656.1, 18000.0, 22000.0));
    }

    /** The withdrawal plan-service publishes when the activity behind an alert is corrected or deleted. */
    static AlertWithdrawn withdrawal(OverloadAlertRaised alert, String reason) {
        return new AlertWithdrawn(alert.alertId(), alert.planId(), alert.runnerId(), alert.rule(), alert.ruleText(),
                alert.severity(), alert.phase(), reason, Instant.now());
    }

    /** The acknowledgement plan-service publishes when the PT (or an admin) acknowledges the alert. */
    static AlertAcknowledged acknowledgement(OverloadAlertRaised alert, String by) {
        return new AlertAcknowledged(alert.alertId(), alert.planId(), alert.runnerId(), alert.severity(), by,
                "Talked it through with the runner.", Instant.now());
    }

    static void publishAcknowledgement(AlertAcknowledged acknowledged, String ceId) {
        publish("alerts", acknowledged.runnerId(), ceId, AlertAcknowledged.TYPE, acknowledged);
    }

    static void publishPlan(PlanChanged plan) {
        publish("plans", plan.runnerId(), UUID.randomUUID().toString(), PlanChanged.TYPE, plan);
    }

    static void publishAlert(OverloadAlertRaised alert, String ceId) {
        publish("alerts", alert.runnerId(), ceId, OverloadAlertRaised.TYPE, alert);
    }

    /** The alert as it leaves plan-service inside a trace: with that trace's {@code traceparent} header. */
    static void publishAlertInTrace(OverloadAlertRaised alert, String traceparent) {
        String json = EventJson.write(alert);
        Headers headers = CloudEvents.headers(UUID.randomUUID().toString(), OverloadAlertRaised.TYPE.type(), SOURCE,
                Instant.now());
        headers.add("traceparent", traceparent.getBytes(StandardCharsets.US_ASCII));
        send(new ProducerRecord<>("alerts", null, alert.runnerId(), json, headers));
    }

    static void publishWithdrawal(AlertWithdrawn withdrawal, String ceId) {
        publish("alerts", withdrawal.runnerId(), ceId, AlertWithdrawn.TYPE, withdrawal);
    }

    /** Checks the event against its schema first, as the consumer's side of the contract. */
    static <T> void publish(String topic, String key, String ceId, EventType<T> type, T event) {
        String json = EventJson.write(event);
        assertThat(EventSchemas.violations(type, json)).as("schema violations of %s", type.type()).isEmpty();
        publishRaw(topic, key, ceId, type.type(), json);
    }

    static void publishRaw(String topic, String key, String ceId, String ceType, String value) {
        send(new ProducerRecord<>(topic, null, key, value, CloudEvents.headers(ceId, ceType, SOURCE, Instant.now())));
    }

    private static void send(ProducerRecord<String, String> record) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(), new StringSerializer(),
                new StringSerializer())) {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + record.topic() + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> producerConfig() {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ProducerConfig.ACKS_CONFIG, "all");
    }
}
