package io.rebound.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.rebound.testkit.DevstackResource;
import io.rebound.testkit.GarbageRecords;
import io.rebound.testkit.InfraAvailable;
import io.rebound.testkit.TopicReader;
import io.rebound.testkit.TopicWriter;
import io.rebound.events.AlertAcknowledged;
import io.rebound.events.DistanceUnit;
import io.rebound.events.EventJson;
import io.rebound.events.OverloadAlertRaised;
import io.rebound.events.PlanChanged;
import io.rebound.events.Severity;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Garbage on the two topics notification-service consumes, {@code plans} and {@code alerts}: every record it cannot
 * apply lands on the channel's dead-letter topic, and a good event sent behind them (same key, so same partition, so
 * after them) is still applied.
 */
@QuarkusTest
@ExtendWith(InfraAvailable.class)
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
class ConsumedTopicsGarbageIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Inject
    Pool database;

    @Test
    void garbageOnPlansGoesToPlansDlqAndTheGoodPlanBehindItIsApplied() {
        PlanChanged plan = Events.plan(Events.runnerId(), DistanceUnit.KM);
        List<GarbageRecords.Garbage> garbage = GarbageRecords.around(EventJson.write(Events.plan(plan.runnerId(),
                DistanceUnit.MI)), PlanChanged.TYPE.type(), "runnerId");
        send("plans", plan.runnerId(), garbage);
        Events.publishPlan(plan);

        await().atMost(TIMEOUT).until(() -> count("SELECT count(*) FROM contact WHERE runner_id = $1", plan.runnerId()) == 1);
        assertThat(count("SELECT count(*) FROM contact WHERE runner_id = $1 AND plan_id = $2", plan.runnerId(),
                plan.planId())).as("the contact is the good plan's").isEqualTo(1);
        assertDeadLettered("plans.dlq", plan.runnerId(), garbage);
    }

    @Test
    void garbageOnAlertsGoesToAlertsDlqAndTheGoodAlertBehindItIsApplied() {
        PlanChanged plan = Events.plan(Events.runnerId(), DistanceUnit.KM);
        Events.publishPlan(plan);
        await().atMost(TIMEOUT).until(() -> count("SELECT count(*) FROM contact WHERE runner_id = $1", plan.runnerId()) == 1);
        OverloadAlertRaised alert = Events.runInRest(plan, Severity.OVERLOAD);
        List<GarbageRecords.Garbage> garbage = GarbageRecords.around(EventJson.write(Events.runInRest(plan,
                Severity.OVERLOAD)), OverloadAlertRaised.TYPE.type(), "alertId");
        send("alerts", plan.runnerId(), garbage);
        Events.publishAlert(alert, UUID.randomUUID().toString());

        await().atMost(TIMEOUT).until(() -> count("SELECT count(*) FROM delivery WHERE alert_id = $1", alert.alertId()) == 2);
        assertThat(count("SELECT count(*) FROM delivery WHERE runner_id = $1", plan.runnerId()))
                .as("the runner's and the PT's email for the good alert, nothing for the garbage").isEqualTo(2);
        assertDeadLettered("alerts.dlq", plan.runnerId(), garbage);
    }

    @Test
    void garbageAcknowledgementsGoToAlertsDlqAndTheGoodOneBehindThemIsApplied() {
        PlanChanged plan = Events.plan(Events.runnerId(), DistanceUnit.KM);
        Events.publishPlan(plan);
        OverloadAlertRaised warning = Events.longRideInRecover(plan);
        Events.publishAlert(warning, UUID.randomUUID().toString());
        await().atMost(TIMEOUT).until(() -> count("SELECT count(*) FROM delivery WHERE alert_id = $1 AND recipient_role = 'PT'"
                + " AND state = 'PENDING_DIGEST'", warning.alertId()) == 1);
        AlertAcknowledged acknowledged = Events.acknowledgement(warning, "pt-garbage");
        List<GarbageRecords.Garbage> garbage = GarbageRecords.around(EventJson.write(acknowledged),
                AlertAcknowledged.TYPE.type(), "alertId");
        send("alerts", plan.runnerId(), garbage);
        Events.publishAcknowledgement(acknowledged, UUID.randomUUID().toString());

        await().atMost(TIMEOUT).until(() -> count("SELECT count(*) FROM delivery WHERE alert_id = $1 AND recipient_role = 'PT'"
                + " AND state = 'ACKNOWLEDGED'", warning.alertId()) == 1);
        assertDeadLettered("alerts.dlq", plan.runnerId(), garbage);
    }

    private static void send(String topic, String key, List<GarbageRecords.Garbage> garbage) {
        try (TopicWriter writer = new TopicWriter(bootstrap())) {
            for (GarbageRecords.Garbage record : garbage) {
                writer.send(topic, key, record.value(), record.headers());
            }
        }
    }

    private static void assertDeadLettered(String topic, String key, List<GarbageRecords.Garbage> garbage) {
        List<ConsumerRecord<String, String>> dead = new TopicReader(bootstrap()).await(topic,
                record -> key.equals(record.key()), garbage.size(), TIMEOUT, Duration.ofSeconds(2));
        assertThat(dead).as("each of: %s", garbage.stream().map(GarbageRecords.Garbage::name).toList())
                .hasSize(garbage.size());
        assertThat(dead).extracting(ConsumerRecord::value)
                .containsExactlyElementsOf(garbage.stream().map(GarbageRecords.Garbage::value).toList());
    }

    private long count(String query, Object... parameters) {
        return database.preparedQuery(query).execute(Tuple.from(parameters)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
