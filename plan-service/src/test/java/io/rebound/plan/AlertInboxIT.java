package io.rebound.plan;

import static io.rebound.plan.Feed.MILE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.rebound.testkit.DevstackResource;
import io.rebound.testkit.InfraAvailable;
import io.rebound.infrastructure.Tokens;
import io.rebound.testkit.TopicReader;
import io.rebound.events.AlertAcknowledged;
import io.rebound.events.CloudEvents;
import io.rebound.events.EventJson;
import io.rebound.events.EventSchemas;
import io.rebound.events.OverloadAlertRaised;
import io.rebound.events.Severity;
import io.rebound.events.Sport;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The PT's inbox over plan-service's API: the alerts of their runners newest first, filtered, with the count still to
 * acknowledge; acknowledging one, announced on {@code alerts}; the plans list and the runner's recent activities.
 */
@QuarkusTest
@ExtendWith(InfraAvailable.class)
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "plan"))
class AlertInboxIT {

    private static String ptId() {
        return "pt-inbox-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The raised alerts on the topic, by rule and severity ("SINGLE_RUN_DISTANCE/OVERLOAD"). */
    private static Map<String, OverloadAlertRaised> raised(List<ConsumerRecord<String, String>> records) {
        return records.stream()
                .filter(r -> CloudEvents.header(r.headers(), CloudEvents.TYPE).orElse("").equals(OverloadAlertRaised.TYPE.type()))
                .map(r -> EventJson.read(r.value(), OverloadAlertRaised.TYPE))
                .collect(Collectors.toMap(a -> a.rule() + "/" + a.severity(), Function.identity()));
    }

    private static Response alerts(String token, Map<String, ?> query) {
        return given().auth().oauth2(token).queryParams(query).when().get("/api/v1/alerts");
    }

    @Test
    void inboxListsRaisedAndWithdrawnAlertsNewestFirstFiltersThemAndCountsTheUnacknowledged() {
        String pt = ptId();
        try (Feed feed = new Feed()) {
            int race = 12;
            feed.plan(race, 40.0, "Ana Runner", pt); // 20% of 40 mi is 8 mi; no single run over 6 mi in days 8-14
            UUID dayTwoRun = feed.run(race, 2, 3 * MILE);
            feed.awaitAlerts(1, Duration.ofSeconds(60));
            feed.run(race, 8, 2 * MILE);
            UUID longRun = feed.run(race, 10, 7 * MILE);
            feed.awaitAlerts(3, Duration.ofSeconds(60));
            feed.delete(dayTwoRun);
            Map<String, OverloadAlertRaised> raised = raised(feed.alerts(4, Duration.ofSeconds(60)));
            assertThat(raised).containsOnlyKeys("NO_RUNNING/OVERLOAD", "PHASE_VOLUME/WARNING", "SINGLE_RUN_DISTANCE/OVERLOAD");
            OverloadAlertRaised noRunning = raised.get("NO_RUNNING/OVERLOAD");
            OverloadAlertRaised volume = raised.get("PHASE_VOLUME/WARNING");
            OverloadAlertRaised single = raised.get("SINGLE_RUN_DISTANCE/OVERLOAD");
            String token = Tokens.pt(pt);

            Response all = alerts(token, Map.of());
            all.then().statusCode(200)
                    .body("alerts", hasSize(3))
                    .body("alerts[2].alertId", equalTo(noRunning.alertId().toString()))
                    .body("alerts[2].state", equalTo("WITHDRAWN"))
                    .body("alerts.findAll { it.state == 'RAISED' }.rule", containsInAnyOrder("PHASE_VOLUME", "SINGLE_RUN_DISTANCE"))
                    .body("unacknowledged", equalTo(2));
            List<Instant> raisedAt = all.jsonPath().<String>getList("alerts.raisedAt").stream().map(Instant::parse).toList();
            assertThat(raisedAt).as("newest first").isSortedAccordingTo(Comparator.reverseOrder());

            String one = "alerts.find { it.alertId == '" + single.alertId() + "' }.";
            all.then()
                    .body(one + "runnerId", equalTo(feed.runner))
                    .body(one + "runnerName", equalTo("Ana Runner"))
                    .body(one + "ruleText", equalTo("no single run over 6.00 mi in days 8-14"))
                    .body(one + "severity", equalTo("OVERLOAD"))
                    .body(one + "phase", equalTo("REINTRODUCE"))
                    .body(one + "day", equalTo(10))
                    .body(one + "quantity", equalTo("METRES"))
                    .body(one + "actual", equalTo((float) single.actual()))
                    .body(one + "limit", equalTo((float) single.limit()))
                    .body(one + "distanceUnit", equalTo("mi"))
                    .body(one + "activity.activityId", equalTo(longRun.toString()))
                    .body(one + "activity.sport", equalTo("run"))
                    .body(one + "activity.distanceMetres", equalTo((float) (7 * MILE)))
                    .body(one + "acknowledgement", nullValue())
                    .body(one + "running.firstDay", equalTo(8))
                    .body(one + "running.lastDay", equalTo(14))
                    .body(one + "running.dailyRunMetres", hasSize(7))
                    .body(one + "running.singleRunCapMetres", equalTo(single.running().singleRunCapMetres().floatValue()))
                    .body(one + "today.day", equalTo(12))
                    .body(one + "today.runningAllowed", equalTo(single.today().runningAllowed()));
            all.then().body("alerts.find { it.alertId == '" + noRunning.alertId() + "' }.running.firstDay", equalTo(1));

            alerts(token, Map.of("severity", "WARNING")).then().statusCode(200)
                    .body("alerts.alertId", contains(volume.alertId().toString())).body("unacknowledged", equalTo(2));
            alerts(token, Map.of("severity", "OVERLOAD")).then().statusCode(200)
                    .body("alerts.alertId", contains(single.alertId().toString(), noRunning.alertId().toString()));
            alerts(token, Map.of("state", "withdrawn")).then().statusCode(200)
                    .body("alerts.alertId", contains(noRunning.alertId().toString()));
            alerts(token, Map.of("state", "open")).then().statusCode(200)
                    .body("alerts.alertId", containsInAnyOrder(volume.alertId().toString(), single.alertId().toString()));
            alerts(token, Map.of("state", "acknowledged")).then().statusCode(200).body("alerts", empty());
            alerts(token, Map.of("runnerId", feed.runner, "limit", 1)).then().statusCode(200)
                    .body("alerts", hasSize(1)).body("unacknowledged", equalTo(2));
            alerts(token, Map.of("runnerId", "somebody-else")).then().statusCode(200)
                    .body("alerts", empty()).body("unacknowledged", equalTo(2));

            given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                    .when().post("/api/v1/alerts/{id}/acknowledgement", volume.alertId()).then().statusCode(200);
            alerts(token, Map.of("state", "acknowledged")).then().statusCode(200)
                    .body("alerts.alertId", contains(volume.alertId().toString())).body("unacknowledged", equalTo(1));
            alerts(token, Map.of("state", "open")).then().statusCode(200)
                    .body("alerts.alertId", contains(single.alertId().toString()));
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"note\": \"too late\"}")
                    .when().post("/api/v1/alerts/{id}/acknowledgement", noRunning.alertId())
                    .then().statusCode(409).contentType("application/problem+json").body("title", equalTo("Alert withdrawn"));

            // The runner sees their own alerts; another PT sees none of them.
            alerts(feed.runnerToken(), Map.of()).then().statusCode(200).body("alerts", hasSize(3))
                    .body("unacknowledged", equalTo(1));
            alerts(Tokens.pt(ptId()), Map.of()).then().statusCode(200).body("alerts", empty())
                    .body("unacknowledged", equalTo(0));
            given().auth().oauth2(token).when().get("/api/v1/alerts/{id}", single.alertId()).then().statusCode(200)
                    .body("alertId", equalTo(single.alertId().toString())).body("state", equalTo("RAISED"))
                    .body("running.lastDay", equalTo(14));
        }
    }

    @Test
    void acknowledgingAnAlertIsAnnouncedOnceAndIsForItsPtOrAnAdminOnly() {
        String pt = ptId();
        try (Feed feed = new Feed()) {
            feed.plan(5, 40.0, "Ben Strider", pt);
            feed.run(5, 2, 5000);
            OverloadAlertRaised alert = raised(feed.alerts(1, Duration.ofSeconds(60))).get("NO_RUNNING/OVERLOAD");
            assertThat(alert).isNotNull();
            String path = "/api/v1/alerts/" + alert.alertId() + "/acknowledgement";
            String note = "Called Ben: easy walks only until day 8.";

            given().auth().oauth2(feed.runnerToken()).contentType(ContentType.JSON).body("{\"note\": \"seen\"}")
                    .when().post(path).then().statusCode(403).contentType("application/problem+json");
            String otherPt = given().auth().oauth2(Tokens.pt(ptId())).contentType(ContentType.JSON).body("{}")
                    .when().post(path).then().statusCode(404).contentType("application/problem+json")
                    .extract().path("detail");
            UUID unknown = UUID.randomUUID();
            String none = given().auth().oauth2(Tokens.pt(ptId())).contentType(ContentType.JSON).body("{}")
                    .when().post("/api/v1/alerts/" + unknown + "/acknowledgement").then().statusCode(404)
                    .extract().path("detail");
            assertThat(otherPt.replace(alert.alertId().toString(), "ID")).isEqualTo(none.replace(unknown.toString(), "ID"));
            given().auth().oauth2(Tokens.pt(ptId())).when().get("/api/v1/alerts/{id}", alert.alertId())
                    .then().statusCode(404).contentType("application/problem+json");

            given().auth().oauth2(Tokens.pt(pt)).contentType(ContentType.JSON).body("{\"note\": \"" + note + "\"}")
                    .when().post(path).then().statusCode(200)
                    .body("alertId", equalTo(alert.alertId().toString()))
                    .body("state", equalTo("RAISED"))
                    .body("acknowledgement.by", equalTo(pt))
                    .body("acknowledgement.note", equalTo(note))
                    .body("acknowledgement.at", notNullValue());

            given().auth().oauth2(Tokens.pt(pt)).contentType(ContentType.JSON).body("{}")
                    .when().post(path).then().statusCode(409).contentType("application/problem+json")
                    .body("title", equalTo("Already acknowledged"));
            given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body("{\"note\": \"me too\"}")
                    .when().post(path).then().statusCode(409);
            given().auth().oauth2(feed.runnerToken()).when().get("/api/v1/alerts/{id}", alert.alertId()).then().statusCode(200)
                    .body("acknowledgement.by", equalTo(pt)).body("acknowledgement.note", equalTo(note));

            List<ConsumerRecord<String, String>> acknowledged = new TopicReader(Feed.bootstrap()).await("alerts",
                    r -> feed.runner.equals(r.key())
                            && CloudEvents.header(r.headers(), CloudEvents.TYPE).orElse("").equals(AlertAcknowledged.TYPE.type()),
                    1, Duration.ofSeconds(30), Duration.ofSeconds(3));
            assertThat(acknowledged).as("one event, for the one acknowledgement that was taken").hasSize(1);
            ConsumerRecord<String, String> record = acknowledged.get(0);
            assertThat(EventSchemas.violations(AlertAcknowledged.TYPE, record.value())).isEmpty();
            AlertAcknowledged event = EventJson.read(record.value(), AlertAcknowledged.TYPE);
            assertThat(event.alertId()).isEqualTo(alert.alertId());
            assertThat(event.planId()).isEqualTo(alert.planId());
            assertThat(event.runnerId()).isEqualTo(feed.runner);
            assertThat(event.severity()).isEqualTo(Severity.OVERLOAD);
            assertThat(event.acknowledgedBy()).isEqualTo(pt);
            assertThat(event.note()).isEqualTo(note);
            assertThat(CloudEvents.header(record.headers(), CloudEvents.ID)).contains(event.eventId());
        }
    }

    @Test
    void anAlertRaisedAgainAfterAWithdrawalWaitsForANewAcknowledgement() {
        String pt = ptId();
        try (Feed feed = new Feed()) {
            feed.plan(5, 40.0, "Eve Again", pt);
            UUID first = feed.run(5, 2, 5000);
            OverloadAlertRaised alert = raised(feed.alerts(1, Duration.ofSeconds(60))).get("NO_RUNNING/OVERLOAD");
            given().auth().oauth2(Tokens.pt(pt)).contentType(ContentType.JSON).body("{\"note\": \"rest, please\"}")
                    .when().post("/api/v1/alerts/{id}/acknowledgement", alert.alertId()).then().statusCode(200);
            feed.delete(first);
            feed.awaitAlerts(3, Duration.ofSeconds(60)); // raised, acknowledged, withdrawn
            given().auth().oauth2(Tokens.pt(pt)).when().get("/api/v1/alerts/{id}", alert.alertId()).then().statusCode(200)
                    .body("state", equalTo("WITHDRAWN")).body("acknowledgement.by", equalTo(pt));

            feed.run(5, 3, 4000);
            feed.awaitAlerts(4, Duration.ofSeconds(60));
            given().auth().oauth2(Tokens.pt(pt)).when().get("/api/v1/alerts/{id}", alert.alertId()).then().statusCode(200)
                    .body("state", equalTo("RAISED")).body("acknowledgement", nullValue()).body("day", equalTo(3));
            alerts(Tokens.pt(pt), Map.of("state", "open")).then().statusCode(200)
                    .body("alerts.alertId", contains(alert.alertId().toString())).body("unacknowledged", equalTo(1));
        }
    }

    @Test
    void anAdminMayAcknowledgeAndAnUnknownAlertIsNotFound() {
        try (Feed feed = new Feed()) {
            feed.plan(5, 40.0, "Cleo Pace", ptId());
            feed.run(5, 3, 4000);
            OverloadAlertRaised alert = raised(feed.alerts(1, Duration.ofSeconds(60))).get("NO_RUNNING/OVERLOAD");
            given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body("{}")
                    .when().post("/api/v1/alerts/{id}/acknowledgement", alert.alertId()).then().statusCode(200)
                    .body("acknowledgement.by", equalTo("admin")).body("acknowledgement.note", nullValue());
            given().auth().oauth2(Tokens.admin()).when().get("/api/v1/alerts/{id}", UUID.randomUUID())
                    .then().statusCode(404).contentType("application/problem+json");
        }
    }

    @Test
    void plansListShowsThePlansNamingTheCallerByRunnerName() {
        String pt = ptId();
        try (Feed zoe = new Feed(); Feed adam = new Feed(); Feed other = new Feed()) {
            zoe.plan(10, 30.0, "Zoe Quinn", pt);
            adam.plan(3, 30.0, "Adam Bell", pt);
            other.plan(3, 30.0, "Aaron Other", ptId());

            given().auth().oauth2(Tokens.pt(pt)).when().get("/api/v1/plans").then().statusCode(200)
                    .body("runnerId", contains(adam.runner, zoe.runner))
                    .body("runnerName", contains("Adam Bell", "Zoe Quinn"))
                    .body("[0].ptId", equalTo(pt))
                    .body("[0].ptName", equalTo("Dr. " + pt))
                    .body("[0].timeZone", equalTo("America/Chicago"))
                    .body("[0].distanceUnit", equalTo("mi"))
                    .body("[0].injured", equalTo(false))
                    .body("[0].raceDate", equalTo(Feed.daysAgo(3).toString()))
                    .body("[1].today.day", equalTo(10))
                    .body("[1].today.phase", equalTo("REINTRODUCE"))
                    .body("[1].today.date", equalTo(Feed.daysAgo(0).toString()));
            given().auth().oauth2(Tokens.pt(pt)).queryParam("limit", 1).when().get("/api/v1/plans").then().statusCode(200)
                    .body("runnerId", contains(adam.runner));
            given().auth().oauth2(zoe.runnerToken()).when().get("/api/v1/plans").then().statusCode(200)
                    .body("runnerId", contains(zoe.runner));
            List<String> everyone = given().auth().oauth2(Tokens.admin()).queryParam("limit", 1000).when()
                    .get("/api/v1/plans").then().statusCode(200).extract().jsonPath().getList("runnerId");
            assertThat(everyone).contains(zoe.runner, adam.runner, other.runner);
        }
    }

    @Test
    void runnersRecentActivitiesComeFromTheLedgerNewestFirst() {
        String pt = ptId();
        try (Feed feed = new Feed()) {
            int race = 20;
            feed.plan(race, 40.0, "Dee Ledger", pt);
            // The deleted run goes first: the runner's events keep their order on the topic, so once the ledger lists
            // the last one, the deletion is applied too (fed last, the list could match before it was recorded).
            UUID deleted = feed.run(race, 11, 2000);
            feed.delete(deleted);
            UUID walk = feed.activity(race, 1, Sport.WALK, 2000, 25, 2);
            UUID ride = feed.activity(race, 5, Sport.RIDE, 15_000, 35, 4);
            UUID run = feed.run(race, 9, 3000);
            // The ledger has them once plan-service has read the topic this far.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.pt(pt))
                    .when().get("/api/v1/runners/{r}/activities", feed.runner).then().statusCode(200)
                    .body("activityId", contains(run.toString(), ride.toString(), walk.toString())));

            Response listed = given().auth().oauth2(Tokens.pt(pt)).when().get("/api/v1/runners/{r}/activities", feed.runner);
            listed.then()
                    .statusCode(200)
                    .body("[0].sport", equalTo("run"))
                    .body("[0].distanceMetres", equalTo(3000.0f))
                    .body("[0].durationSeconds", equalTo(17 * 60))
                    .body("[0].perceivedEffort", equalTo(3))
                    .body("[1].perceivedEffort", equalTo(4));
            assertThat(OffsetDateTime.parse(listed.jsonPath().getString("[0].startTime")))
                    .isEqualTo(Feed.daysAgo(race).plusDays(9).atTime(7, 0).atZone(Feed.CHICAGO).toOffsetDateTime());
            given().auth().oauth2(feed.runnerToken()).queryParam("limit", 2)
                    .when().get("/api/v1/runners/{r}/activities", feed.runner).then().statusCode(200)
                    .body("activityId", contains(run.toString(), ride.toString()));
            given().auth().oauth2(Tokens.pt(ptId())).when().get("/api/v1/runners/{r}/activities", feed.runner)
                    .then().statusCode(404).contentType("application/problem+json");
        }
    }
}
