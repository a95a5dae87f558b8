package io.rebound.plan;

import static io.rebound.plan.Feed.MILE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.rebound.testkit.DevstackResource;
import io.rebound.testkit.GarbageRecords;
import io.rebound.testkit.InfraAvailable;
import io.rebound.testkit.TopicReader;
import io.rebound.events.ActivityRecorded;
import io.rebound.events.AlertWithdrawn;
import io.rebound.events.CloudEvents;
import io.rebound.events.EventJson;
import io.rebound.events.OverloadAlertRaised;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * plan-service applies what its consumer polls together in one transaction. Each test sends its events in one produce
 * request (one key, so one partition and one record batch, polled together), and the outcome must be what applying
 * them one at a time, in order, gives: each event once, every alert each step raises, garbage dead-lettered alone.
 */
@QuarkusTest
@ExtendWith(InfraAvailable.class)
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "plan"))
class ActivityBatchIT {

    @Inject
    Pool database;

    private static String type(ConsumerRecord<String, String> record) {
        return CloudEvents.header(record.headers(), CloudEvents.TYPE).orElse("");
    }

    private static List<String> raised(List<ConsumerRecord<String, String>> records) {
        return records.stream().filter(r -> type(r).equals(OverloadAlertRaised.TYPE.type()))
                .map(r -> EventJson.read(r.value(), OverloadAlertRaised.TYPE))
                .map(a -> a.phase() + " " + a.rule() + "/" + a.severity())
                .sorted().toList();
    }

    @Test
    void fiveRunDaysPolledTogetherRaiseTheWarningOfTheFourthAndTheOverloadOfTheFifth() {
        try (Feed feed = new Feed()) {
            int race = 14;
            feed.plan(race, 40.0);
            feed.hold();
            for (int day : new int[] {8, 9, 10, 12, 13}) {
                feed.run(race, day, MILE);
            }
            feed.sendHeld();

            // Evaluated once after all five, the warning would be superseded by the overload and never raised.
            assertThat(raised(feed.alerts(2, Duration.ofSeconds(30))))
                    .containsExactly("REINTRODUCE RUN_DAYS/OVERLOAD", "REINTRODUCE RUN_DAYS/WARNING");
            assertThat(ledgerRowsOf(feed.runner)).isEqualTo(5);
        }
    }

    @Test
    void correctionPolledWithTheRunItCorrectsWithdrawsWhatTheRunRaised() {
        try (Feed feed = new Feed()) {
            int race = 12;
            feed.plan(race, 40.0);
            feed.hold();
            feed.run(race, 8, 2 * MILE);
            UUID longRun = feed.run(race, 10, 7 * MILE);
            feed.correct(longRun, 5 * MILE);
            feed.sendHeld();

            // In order: the long run raises two alerts, then its correction withdraws both. Applied the other way
            // round, the 7 mi would stand and the alerts with it.
            List<ConsumerRecord<String, String>> alerts = feed.alerts(4, Duration.ofSeconds(30));
            assertThat(alerts).extracting(ActivityBatchIT::type).containsExactly(OverloadAlertRaised.TYPE.type(),
                    OverloadAlertRaised.TYPE.type(), AlertWithdrawn.TYPE.type(), AlertWithdrawn.TYPE.type());
            assertThat(raised(alerts)).containsExactly("REINTRODUCE PHASE_VOLUME/WARNING", "REINTRODUCE SINGLE_RUN_DISTANCE/OVERLOAD");
            assertThat(alerts.stream().filter(r -> type(r).equals(AlertWithdrawn.TYPE.type()))
                    .map(r -> EventJson.read(r.value(), AlertWithdrawn.TYPE).reason()))
                    .allSatisfy(reason -> assertThat(reason).contains("was corrected"));
            given().auth().oauth2(feed.runnerToken()).when().get("/api/v1/runners/{runner}/findings", feed.runner).then()
                    .statusCode(200).body("state", everyItem(equalTo("WITHDRAWN")));
            assertThat(ledgerDistance(longRun)).isEqualTo(5 * MILE);
        }
    }

    @Test
    void unreadableRecordBetweenTwoRunsIsDeadLetteredAloneAndBothRunsAreApplied() {
        try (Feed feed = new Feed()) {
            feed.plan(2, 45.0);
            feed.hold();
            UUID first = feed.run(2, 1, 3000);
            String garbage = "}{ not an activity";
            feed.sendRaw(garbage, GarbageRecords.headers(ActivityRecorded.TYPE.type()));
            UUID second = feed.run(2, 2, 4000);
            feed.sendHeld();

            List<ConsumerRecord<String, String>> dead = new TopicReader(Feed.bootstrap()).await("activities.dlq",
                    record -> feed.runner.equals(record.key()), 1, Duration.ofSeconds(60), Duration.ofSeconds(2));
            assertThat(dead).extracting(ConsumerRecord::value).containsExactly(garbage);
            await().atMost(Duration.ofSeconds(30)).until(() -> ledgerRowsOf(feed.runner) == 2);
            assertThat(ledgerRows(first)).isEqualTo(1);
            assertThat(ledgerRows(second)).isEqualTo(1);
            // Running in the Rest phase: one overload, raised by the first run and not again by the second.
            List<ConsumerRecord<String, String>> alerts = feed.alerts(1, Duration.ofSeconds(30));
            assertThat(raised(alerts)).containsExactly("REST NO_RUNNING/OVERLOAD");
            assertThat(EventJson.read(alerts.get(0).value(), OverloadAlertRaised.TYPE).activity().activityId()).isEqualTo(first);
        }
    }

    @Test
    void sameEventTwiceInOneBatchAndAgainLaterIsAppliedOnce() {
        try (Feed feed = new Feed()) {
            feed.plan(2, 45.0);
            feed.hold();
            UUID run = feed.run(2, 2, 5000);
            feed.redeliver(run);
            feed.sendHeld();
            assertThat(feed.alerts(1, Duration.ofSeconds(30))).hasSize(1);

            feed.redeliver(run);
            feed.awaitConsumed(Duration.ofSeconds(30));
            assertThat(feed.alerts(1, Duration.ofSeconds(10))).as("no second alert after the redelivery").hasSize(1);
            assertThat(ledgerRows(run)).isEqualTo(1);
            assertThat(processedRows(run.toString())).isEqualTo(1);
        }
    }

    private long ledgerRows(UUID activityId) {
        return count("SELECT count(*) FROM ledger_activity WHERE activity_id = $1", Tuple.of(activityId));
    }

    private long ledgerRowsOf(String runner) {
        return count("SELECT count(*) FROM ledger_activity WHERE runner_id = $1", Tuple.of(runner));
    }

    private long processedRows(String eventId) {
        return count("SELECT count(*) FROM processed_event WHERE event_id = $1", Tuple.of(eventId));
    }

    private double ledgerDistance(UUID activityId) {
        return database.preparedQuery("SELECT distance_metres FROM ledger_activity WHERE activity_id = $1")
                .execute(Tuple.of(activityId)).await().atMost(Duration.ofSeconds(10)).iterator().next().getDouble(0);
    }

    private long count(String sql, Tuple arguments) {
        return database.preparedQuery(sql).execute(arguments).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }
}
