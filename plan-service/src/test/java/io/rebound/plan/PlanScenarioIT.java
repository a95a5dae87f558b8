package io.rebound.plan;

import static io.rebound.plan.Feed.MILE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.rebound.testkit.DevstackResource;
import io.rebound.testkit.InfraAvailable;
import io.rebound.infrastructure.Tokens;
import io.rebound.events.AlertWithdrawn;
import io.rebound.events.CloudEvents;
import io.rebound.events.EventJson;
import io.rebound.events.EventSchemas;
import io.rebound.events.OverloadAlertRaised;
import io.rebound.events.Sport;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** docs/domain.md end to end through real Kafka and PostgreSQL: whole plans, corrections, PT overrides, "today". */
@QuarkusTest
@ExtendWith(InfraAvailable.class)
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "plan"))
class PlanScenarioIT {

    private static List<String> raised(List<ConsumerRecord<String, String>> records) {
        return records.stream()
                .filter(r -> CloudEvents.header(r.headers(), CloudEvents.TYPE).orElse("").equals(OverloadAlertRaised.TYPE.type()))
                .map(r -> EventJson.read(r.value(), OverloadAlertRaised.TYPE))
                .map(a -> a.phase() + " " + a.rule() + "/" + a.severity())
                .sorted().toList();
    }

    @Test
    void runnerWhoFollowsThePlanForTwentyEightDaysGetsNoAlert() {
        try (Feed feed = new Feed()) {
            int race = 29;
            feed.plan(race, 31.0); // 31 mi peak week: 20% is 6.2 mi, 40% 12.4 mi, 60% 18.6 mi
            feed.activity(race, 1, Sport.WALK, 2000, 25, 2);
            feed.activity(race, 3, Sport.WALK, 3000, 35, 2);
            for (int day : new int[] {4, 5, 7}) {
                feed.activity(race, day, Sport.RIDE, 12_000, 30, 3);
            }
            for (int day : new int[] {8, 10, 12}) {
                feed.run(race, day, 2 * MILE);
            }
            feed.activity(race, 11, Sport.SWIM, 1000, 40, 4);
            for (int day : new int[] {15, 17, 19, 21}) {
                feed.run(race, day, 3 * MILE);
            }
            for (int day : new int[] {22, 23, 25, 26, 28}) {
                feed.run(race, day, 3.5 * MILE);
            }
            // Every activity in the ledger first, then a quiet spell in which an alert of theirs would have appeared.
            Feed.awaitConsumed(Duration.ofSeconds(60));
            assertThat(feed.alerts(1, Duration.ofSeconds(3))).isEmpty();
            given().auth().oauth2(feed.runnerToken()).when().get("/api/v1/runners/{runner}/findings", feed.runner).then().statusCode(200).body("$", org.hamcrest.Matchers.hasSize(0));
        }
    }

    @Test
    void runnerWhoOverdoesItGetsEachImpliedAlertOnceAndADeletedRunWithdrawsItsAlert() {
        try (Feed feed = new Feed()) {
            int race = 14;
            feed.plan(race, 40.0); // 20% is 8 mi, 25% is 10 mi
            UUID dayTwoRun = feed.run(race, 2, 3 * MILE);
            feed.run(race, 8, 2 * MILE);
            feed.run(race, 9, 2 * MILE);
            UUID longRun = feed.run(race, 10, 7 * MILE); // over 6 mi; volume 11 mi crosses 8 and 10 mi at once
            feed.run(race, 12, 2 * MILE); // 4th run day
            feed.run(race, 13, 2 * MILE); // 5th run day

            List<String> expected = List.of(
                    "REINTRODUCE PHASE_VOLUME/OVERLOAD",
                    "REINTRODUCE RUN_DAYS/OVERLOAD",
                    "REINTRODUCE RUN_DAYS/WARNING",
                    "REINTRODUCE SINGLE_RUN_DISTANCE/OVERLOAD",
                    "REST NO_RUNNING/OVERLOAD");
            List<ConsumerRecord<String, String>> alerts = feed.alerts(expected.size(), Duration.ofSeconds(40));
            assertThat(raised(alerts)).isEqualTo(expected);
            alerts.forEach(r -> assertThat(EventSchemas.violations(OverloadAlertRaised.TYPE, r.value())).isEmpty());
            OverloadAlertRaised single = alerts.stream().map(r -> EventJson.read(r.value(), OverloadAlertRaised.TYPE))
                    .filter(a -> a.rule().equals("SINGLE_RUN_DISTANCE")).findFirst().orElseThrow();
            assertThat(single.activity().activityId()).isEqualTo(longRun);
            assertThat(single.day()).isEqualTo(10);
            assertThat(single.ruleText()).isEqualTo("no single run over 6.00 mi in days 8-14");

            // A redelivered activity, and one more run past every cap already crossed, raise nothing new.
            feed.redeliver(longRun);
            feed.run(race, 11, 1000);
            feed.delete(dayTwoRun);
            List<ConsumerRecord<String, String>> after = feed.alerts(expected.size() + 1, Duration.ofSeconds(30));
            assertThat(raised(after)).isEqualTo(expected);
            List<AlertWithdrawn> withdrawn = after.stream()
                    .filter(r -> CloudEvents.header(r.headers(), CloudEvents.TYPE).orElse("").equals(AlertWithdrawn.TYPE.type()))
                    .peek(r -> assertThat(EventSchemas.violations(AlertWithdrawn.TYPE, r.value())).isEmpty())
                    .map(r -> EventJson.read(r.value(), AlertWithdrawn.TYPE)).toList();
            assertThat(withdrawn).singleElement().satisfies(w -> {
                assertThat(w.rule()).isEqualTo("NO_RUNNING");
                assertThat(w.reason()).contains("was deleted");
            });

            given().auth().oauth2(feed.runnerToken()).when().get("/api/v1/runners/{runner}/findings", feed.runner).then().statusCode(200)
                    .body("find { it.rule == 'NO_RUNNING' }.state", equalTo("WITHDRAWN"))
                    .body("findAll { it.state == 'RAISED' }.rule", hasItems("RUN_DAYS", "SINGLE_RUN_DISTANCE", "PHASE_VOLUME"));
        }
    }

    @Test
    void correctionThatBringsARunUnderTheCapWithdrawsTheAlertsItCaused() {
        try (Feed feed = new Feed()) {
            int race = 12;
            feed.plan(race, 40.0);
            feed.run(race, 8, 2 * MILE);
            UUID longRun = feed.run(race, 10, 7 * MILE);
            assertThat(raised(feed.alerts(2, Duration.ofSeconds(30))))
                    .containsExactly("REINTRODUCE PHASE_VOLUME/WARNING", "REINTRODUCE SINGLE_RUN_DISTANCE/OVERLOAD");

            feed.correct(longRun, 5 * MILE); // the watch had doubled a lap: 5 mi, 7 mi in all, within both caps
            List<ConsumerRecord<String, String>> after = feed.alerts(4, Duration.ofSeconds(30));
            assertThat(after.stream().filter(r -> CloudEvents.header(r.headers(), CloudEvents.TYPE).orElse("")
                    .equals(AlertWithdrawn.TYPE.type())).map(r -> EventJson.read(r.value(), AlertWithdrawn.TYPE).rule()))
                    .containsExactlyInAnyOrder("PHASE_VOLUME", "SINGLE_RUN_DISTANCE");
            given().auth().oauth2(feed.runnerToken()).when().get("/api/v1/runners/{runner}/findings", feed.runner).then().statusCode(200)
                    .body("state", org.hamcrest.Matchers.everyItem(equalTo("WITHDRAWN")));
        }
    }

    @Test
    void todaySaysWhatIsLeftInTheWindowInTheRunnersUnit() {
        try (Feed feed = new Feed()) {
            int race = 10;
            feed.plan(race, 40.0);
            feed.run(race, 8, 3 * MILE);
            feed.run(race, 9, 2 * MILE);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().auth().oauth2(feed.runnerToken()).when().get("/api/v1/runners/{runner}/today", feed.runner).then().statusCode(200)
                            .body("day", equalTo(10))
                            .body("phase", equalTo("REINTRODUCE"))
                            .body("unit", equalTo("mi"))
                            .body("running.runDaysSoFar", equalTo(2))
                            .body("running.runDaysLeftBeforeSoftCap", equalTo(1))
                            .body("running.runDaysLeftBeforeHardCap", equalTo(2))
                            .body("running.distanceSoFar", equalTo(5.0f))
                            .body("running.distanceLeftBeforeSoftCap", equalTo(3.0f))
                            .body("running.distanceLeftBeforeHardCap", equalTo(5.0f))
                            .body("running.longestRunAllowed", equalTo(5.0f))
                            .body("running.allowedIntensity", equalTo("EASY"))
                            .body("running.stridesOk", equalTo(false))
                            .body("crossTraining.daysLeft", equalTo(4))
                            .body("crossTraining.longestSessionMinutes", equalTo(45)));
        }
    }

    @Test
    void ptOverrideIsRecordedAndReEvaluatesAtOnce() {
        try (Feed feed = new Feed()) {
            int race = 12;
            feed.plan(race, 40.0);
            feed.run(race, 9, 3 * MILE);
            feed.run(race, 11, 3 * MILE); // 6 mi: within the default 8 mi soft cap
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().auth().oauth2(feed.runnerToken()).when().get("/api/v1/runners/{runner}/today", feed.runner).then()
                            .body("running.runDaysSoFar", equalTo(2)));
            assertThat(feed.alerts(1, Duration.ofSeconds(3))).isEmpty();

            given().auth().oauth2(feed.ptToken()).contentType(ContentType.JSON).body("""
                    {"changedBy": "Dr. Lee", "reason": "calf strain: hold volume down", "injured": true,
                     "phases": {"REINTRODUCE": {"volumeHardShare": 0.125}}}
                    """).when().patch("/api/v1/plans/{runner}/caps", feed.runner)
                    .then().statusCode(200)
                    .body("injured", equalTo(true))
                    .body("caps.phases.REINTRODUCE.volumeHardShare", equalTo(0.125f))
                    .body("caps.phases.REINTRODUCE.volumeSoftShare", equalTo(0.125f));

            assertThat(raised(feed.alerts(1, Duration.ofSeconds(30)))).containsExactly("REINTRODUCE PHASE_VOLUME/OVERLOAD");
            given().auth().oauth2(feed.runnerToken()).when().get("/api/v1/plans/{runner}/caps", feed.runner).then().statusCode(200)
                    .body("changes[0].changedBy", equalTo("Dr. Lee"))
                    .body("changes[0].reason", equalTo("calf strain: hold volume down"));
        }
    }

    @Test
    void capsChangeThatMakesNoSenseIsRefusedNamingTheField() {
        try (Feed feed = new Feed()) {
            feed.plan(5, 40.0);
            given().auth().oauth2(feed.ptToken()).contentType(ContentType.JSON).body("""
                    {"changedBy": "Dr. Lee", "reason": "test",
                     "phases": {"REINTRODUCE": {"volumeSoftShare": 0.3, "runDaysHard": -1}}}
                    """).when().patch("/api/v1/plans/{runner}/caps", feed.runner)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItems("phases.REINTRODUCE.runDaysHard", "phases.REINTRODUCE.volumeSoftShare"));
            given().auth().oauth2(feed.ptToken()).contentType(ContentType.JSON).body("{\"reason\": \"no name\"}")
                    .when().patch("/api/v1/plans/{runner}/caps", feed.runner)
                    .then().statusCode(400).body("errors.field", hasItems("changedBy"));
        }
    }

    @Test
    void peakWeekLeftOutIsComputedFromTheRunsBeforeRaceDay() {
        try (Feed feed = new Feed()) {
            int race = 3;
            for (int day = -20; day <= -14; day++) {
                feed.run(race, day, 10_000);
            }
            feed.run(race, -30, 15_000);
            // Only once the ledger has all eight runs: a plan made after the first few would see a smaller peak.
            Feed.awaitConsumed(Duration.ofSeconds(60));
            feed.plan(race, null);
            given().auth().oauth2(feed.runnerToken()).when().get("/api/v1/plans/{runner}", feed.runner).then().statusCode(200)
                    .body("peakWeek.source", equalTo("COMPUTED"))
                    .body("peakWeek.metres", equalTo(70000.0f));
        }
    }

    @Test
    void invalidPlansAreRefusedNamingTheField() {
        String valid = """
                {"runnerId": "r-%s", "raceDate": "%s", "timeZone": "America/Chicago",
                 "peakWeek": {"distance": 40, "unit": "mi"},
                 "runner": {"name": "A", "email": "a@example.org"},
                 "physicalTherapist": {"name": "B", "email": "b@example.org"}}
                """.formatted(UUID.randomUUID().toString().substring(0, 6), Feed.daysAgo(2));
        String[][] cases = {
                {Feed.daysAgo(2).toString(), Feed.daysAgo(-400).toString(), "raceDate"},
                {"America/Chicago", "Mars/Base", "timeZone"},
                {"\"distance\": 40", "\"distance\": -5", "peakWeek.distance"},
                {"\"unit\": \"mi\"", "\"unit\": \"furlong\"", "peakWeek.unit"},
                {"\"b@example.org\"}", "\"b@example.org\", \"timeZone\": \"Nowhere/Land\"}", "physicalTherapist.timeZone"}};
        for (String[] c : cases) {
            given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(valid.replace(c[0], c[1]))
                    .when().post("/api/v1/plans")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItems(c[2]));
        }
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(valid.replace("\"peakWeek\": {\"distance\": 40, \"unit\": \"mi\"},", ""))
                .when().post("/api/v1/plans")
                .then().statusCode(400).body("errors.field", hasItems("distanceUnit"));
    }
}
