package io.rebound.plan;

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
import io.rebound.events.ActivityRecorded;
import io.rebound.events.CloudEvents;
import io.rebound.events.EventJson;
import io.rebound.events.EventSchemas;
import io.rebound.events.Sport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Garbage on {@code activities}, the topic plan-service consumes: every record it cannot apply lands on
 * {@code activities.dlq}, and a good activity sent behind them (same key, so same partition, so after them) is
 * still applied.
 */
@QuarkusTest
@ExtendWith(InfraAvailable.class)
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "plan"))
class ActivitiesGarbageIT {

    @Inject
    Pool database;

    @Test
    void garbageGoesToTheDeadLetterTopicAndTheGoodActivityBehindItIsApplied() {
        String runner = "garbage-" + UUID.randomUUID().toString().substring(0, 8);
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        List<GarbageRecords.Garbage> garbage = GarbageRecords.around(activity(runner, UUID.randomUUID()),
                ActivityRecorded.TYPE.type(), "runnerId");
        UUID good = UUID.randomUUID();
        String goodJson = activity(runner, good);
        assertThat(EventSchemas.violations(ActivityRecorded.TYPE, goodJson)).isEmpty();

        try (TopicWriter writer = new TopicWriter(bootstrap)) {
            for (GarbageRecords.Garbage record : garbage) {
                writer.send("activities", runner, record.value(), record.headers());
            }
            writer.send("activities", runner, goodJson,
                    CloudEvents.headers(good.toString(), ActivityRecorded.TYPE, "/garbage-test", Instant.now()));
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> ledgerRows(good) == 1);
        List<ConsumerRecord<String, String>> dead = new TopicReader(bootstrap).await("activities.dlq",
                record -> runner.equals(record.key()), garbage.size(), Duration.ofSeconds(60), Duration.ofSeconds(2));
        assertThat(dead).as("each of: %s", garbage.stream().map(GarbageRecords.Garbage::name).toList())
                .hasSize(garbage.size());
        assertThat(dead).extracting(ConsumerRecord::value)
                .containsExactlyElementsOf(garbage.stream().map(GarbageRecords.Garbage::value).toList());
        assertThat(ledgerRowsOf(runner)).as("nothing of the garbage was applied").isEqualTo(1);
    }

    private static String activity(String runner, UUID id) {
        return EventJson.write(new ActivityRecorded(id, runner, Sport.RUN, OffsetDateTime.now().minusHours(2), 1800, 5000,
                4, null, Instant.now(), null, null));
    }

    private long ledgerRows(UUID activityId) {
        return database.preparedQuery("SELECT count(*) FROM ledger_activity WHERE activity_id = $1")
                .execute(Tuple.of(activityId)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    private long ledgerRowsOf(String runner) {
        return database.preparedQuery("SELECT count(*) FROM ledger_activity WHERE runner_id = $1")
                .execute(Tuple.of(runner)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }
}
