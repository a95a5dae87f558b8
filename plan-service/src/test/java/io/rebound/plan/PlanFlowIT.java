package io.rebound.plan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.rebound.testkit.DevstackResource;
import io.rebound.testkit.InfraAvailable;
import io.rebound.infrastructure.Tokens;
import io.rebound.testkit.TopicReader;
import io.rebound.testkit.TopicWriter;
import io.rebound.events.ActivityRecorded;
import io.rebound.events.CloudEvents;
import io.rebound.events.EventJson;
import io.rebound.events.EventSchemas;
import io.rebound.events.OverloadAlertRaised;
import io.rebound.events.Phase;
import io.rebound.events.PlanChanged;
import io.rebound.events.Severity;
import io.rebound.events.Sport;
import io.rebound.support.security.PtIds;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@QuarkusTest
@ExtendWith(InfraAvailable.class)
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "plan"))
class PlanFlowIT {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static TopicWriter writer;

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static TopicWriter writer() {
        if (writer == null) {
            writer = new TopicWriter(bootstrap());
        }
        return writer;
    }

    @AfterAll
    static void closeWriter() {
        if (writer != null) {
            writer.close();
        }
    }

    private static String runner() {
        return "runner-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String plan(String runner, LocalDate raceDate) {
        return """
                {"runnerId": "%s", "raceDate": "%s", "timeZone": "America/Chicago",
                 "peakWeek": {"distance": 50, "unit": "mi"},
                 "runner": {"name": "Ana Runner", "email": "ana@example.org"},
                 "physicalTherapist": {"name": "Dr. Lee", "email": "lee@clinic.example.org", "timeZone": "Europe/Dublin"}}
                """.formatted(runner, raceDate);
    }

    private static LocalDate daysAgo(int days) {
        return LocalDate.now(CHICAGO).minusDays(days);
    }

    /** Plays activity-service: an ActivityRecorded as it publishes it, checked against the schema first. */
    private static ActivityRecorded publishRun(String runner, UUID activityId, Sport sport) {
        ActivityRecorded event = new ActivityRecorded(activityId, runner, sport,
                ZonedDateTime.now(CHICAGO).truncatedTo(java.time.temporal.ChronoUnit.DAYS).plusMinutes(1).toOffsetDateTime(), 1800, 5000, 4, null, Instant.now(),
                null, null);
        String json = EventJson.write(event);
        assertThat(EventSchemas.violations(ActivityRecorded.TYPE, json)).isEmpty();
        writer().send("activities", runner, json,
                CloudEvents.headers(activityId.toString(), ActivityRecorded.TYPE, "/test", Instant.now()));
        return event;
    }

    private static List<ConsumerRecord<String, String>> alertsFor(String runner, int atLeast, Duration timeout) {
        return new TopicReader(bootstrap()).await("alerts", r -> runner.equals(r.key()), atLeast, timeout, Duration.ofSeconds(3));
    }

    @Test
    void createdPlanIsShownWithTodaysDayAndAnnouncedOnPlansAsTheSchemaSays() {
        String runner = runner();
        given().auth().oauth2(Tokens.runner(runner)).contentType(ContentType.JSON).body(plan(runner, daysAgo(2)))
                .when().post("/api/v1/plans")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/plans/" + runner));

        given().auth().oauth2(Tokens.runner(runner)).when().get("/api/v1/plans/{runner}", runner)
                .then().statusCode(200)
                .body("today.day", equalTo(2))
                .body("today.phase", equalTo("REST"))
                .body("peakWeek.unit", equalTo("mi"))
                .body("peakWeek.distance", equalTo(50.0f))
                .body("peakWeek.metres", equalTo(80467.2f));

        List<ConsumerRecord<String, String>> plans = new TopicReader(bootstrap())
                .await("plans", r -> runner.equals(r.key()), 1, Duration.ofSeconds(30), Duration.ofSeconds(1));
        assertThat(plans).hasSize(1);
        assertThat(CloudEvents.header(plans.get(0).headers(), CloudEvents.TYPE)).contains(PlanChanged.TYPE.type());
        assertThat(EventSchemas.violations(PlanChanged.TYPE, plans.get(0).value())).isEmpty();
        PlanChanged changed = EventJson.read(plans.get(0).value(), PlanChanged.TYPE);
        assertThat(changed.physicalTherapist().email()).isEqualTo("lee@clinic.example.org");
        assertThat(changed.physicalTherapist().timeZone()).isEqualTo("Europe/Dublin");
        assertThat(changed.physicalTherapist().id()).as("derived from the email: the plan gives none")
                .isEqualTo(PtIds.fromEmail("lee@clinic.example.org"));
        assertThat(changed.runner().id()).isNull();
        assertThat(changed.raceDate()).isEqualTo(daysAgo(2));
    }

    @Test
    void runInRestRaisesOneOverloadEvenWhenRedeliveredOrRepeated() {
        String runner = runner();
        given().auth().oauth2(Tokens.runner(runner)).contentType(ContentType.JSON).body(plan(runner, daysAgo(2))).post("/api/v1/plans").then().statusCode(201);
        UUID activityId = UUID.randomUUID();
        publishRun(runner, activityId, Sport.RUN);

        List<ConsumerRecord<String, String>> alerts = alertsFor(runner, 1, Duration.ofSeconds(30));
        assertThat(alerts).hasSize(1);
        ConsumerRecord<String, String> record = alerts.get(0);
        assertThat(EventSchemas.violations(OverloadAlertRaised.TYPE, record.value())).isEmpty();
        OverloadAlertRaised alert = EventJson.read(record.value(), OverloadAlertRaised.TYPE);
        assertThat(CloudEvents.header(record.headers(), CloudEvents.ID)).contains(alert.alertId().toString());
        assertThat(alert.severity()).isEqualTo(Severity.OVERLOAD);
        assertThat(alert.phase()).isEqualTo(Phase.REST);
        assertThat(alert.day()).isEqualTo(2);
        assertThat(alert.rule()).isEqualTo("NO_RUNNING");
        assertThat(alert.ruleText()).isEqualTo("no running in days 1-7");
        assertThat(alert.activity().activityId()).isEqualTo(activityId);
        assertThat(alert.activity().distanceMetres()).isEqualTo(5000.0);
        assertThat(alert.today().day()).isEqualTo(2);
        assertThat(alert.today().runningAllowed()).isFalse();
        assertThat(alert.today().longestRunMetres()).isZero();
        assertThat(alert.running().firstDay()).isEqualTo(1);
        assertThat(alert.running().lastDay()).isEqualTo(3);
        assertThat(alert.running().dailyRunMetres()).containsExactly(0.0, 5000.0, 0.0);
        assertThat(alert.running().singleRunCapMetres()).isZero();

        publishRun(runner, activityId, Sport.RUN);
        publishRun(runner, UUID.randomUUID(), Sport.RUN);
        // Both consumed, then a quiet spell in which a second alert would have appeared.
        Feed.awaitConsumed(Duration.ofSeconds(60));
        assertThat(alertsFor(runner, 2, Duration.ofSeconds(3))).hasSize(1);
    }

    @Test
    void walkInRestRaisesNothing() {
        String runner = runner();
        given().auth().oauth2(Tokens.runner(runner)).contentType(ContentType.JSON).body(plan(runner, daysAgo(1))).post("/api/v1/plans").then().statusCode(201);
        publishRun(runner, UUID.randomUUID(), Sport.WALK);
        Feed.awaitConsumed(Duration.ofSeconds(60));
        assertThat(alertsFor(runner, 1, Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void runLoggedBeforeThePlanExistedIsCheckedWhenThePlanIsCreated() {
        String runner = runner();
        publishRun(runner, UUID.randomUUID(), Sport.RUN);
        // The ledger takes the run even though no plan exists yet; the plan then finds it.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            given().auth().oauth2(Tokens.runner(runner)).contentType(ContentType.JSON).body(plan(runner, daysAgo(3))).post("/api/v1/plans").then().statusCode(201);
        });
        assertThat(alertsFor(runner, 1, Duration.ofSeconds(30))).hasSize(1);
    }

    @Test
    void unreadableActivityGoesToTheDeadLetterTopicAndTheNextOneStillFlows() {
        String runner = runner();
        given().auth().oauth2(Tokens.runner(runner)).contentType(ContentType.JSON).body(plan(runner, daysAgo(2))).post("/api/v1/plans").then().statusCode(201);
        writer().send("activities", runner, "{\"activityId\": 42",
                CloudEvents.headers(UUID.randomUUID().toString(), ActivityRecorded.TYPE, "/test", Instant.now()));
        publishRun(runner, UUID.randomUUID(), Sport.RUN);

        assertThat(alertsFor(runner, 1, Duration.ofSeconds(30))).hasSize(1);
        assertThat(new TopicReader(bootstrap()).await("activities.dlq", r -> runner.equals(r.key()), 1,
                Duration.ofSeconds(30), Duration.ZERO)).hasSize(1);
    }

    @Test
    void invalidPlanIsRefusedNamingEachField() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(plan(runner(), daysAgo(2)).replace("ana@example.org", "ana").replace("\"mi\"", "null"))
                .when().post("/api/v1/plans")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("runner.email", "peakWeek.unit"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(plan(runner(), daysAgo(2)).replace("America/Chicago", "Mars/Olympus"))
                .when().post("/api/v1/plans")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("timeZone"));
    }

    @Test
    void secondPlanForTheSameRunnerIsAConflictAndUnknownRunnerIsNotFound() {
        String runner = runner();
        given().auth().oauth2(Tokens.runner(runner)).contentType(ContentType.JSON).body(plan(runner, daysAgo(2))).post("/api/v1/plans").then().statusCode(201);
        given().auth().oauth2(Tokens.runner(runner)).contentType(ContentType.JSON).body(plan(runner, daysAgo(2))).post("/api/v1/plans")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(Tokens.admin()).when().get("/api/v1/plans/{runner}", runner()).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void readinessCoversKafkaAndTheDatabase() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Kafka connection health check", "Reactive PostgreSQL connections health check"));
    }
}
