package io.rebound.plan.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rebound.testkit.AccessMatrix;
import io.rebound.testkit.BadCredentials.Endpoint;
import io.rebound.testkit.BadCredentials;
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
import io.rebound.events.PlanChanged;
import io.rebound.events.Sport;
import io.rebound.support.security.PtIds;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every role against every plan-service endpoint, with real tokens signed by devstack's issuer: allowed, forbidden
 * (403: the caller may see the runner but not do this) and not found (404: the runner is not theirs, answered exactly
 * as for a runner without a plan, so nobody can enumerate runners).
 */
@QuarkusTest
@ExtendWith(InfraAvailable.class)
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "plan"))
class AccessMatrixIT {

    @TestHTTPResource("/")
    URL base;

    private static final String LEE_EMAIL = "lee@clinic.example.org";
    private static final String KIM_ID = "clinic-kim-7";
    private static final String CAPS_CHANGE = "{\"changedBy\": \"matrix\", \"reason\": \"access test\", \"injured\": false}";

    /** Ana's plan names Dr. Lee by email only; Ben's names Dr. Kim by her own id. */
    private static final String ANA = "ana-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String BEN = "ben-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String LEE = PtIds.fromEmail(LEE_EMAIL);

    private static String plan(String runner, String therapist) {
        return """
                {"runnerId": "%s", "raceDate": "%s", "timeZone": "America/Chicago",
                 "peakWeek": {"distance": 40, "unit": "mi"},
                 "runner": {"name": "Runner", "email": "%s@example.org"},
                 "physicalTherapist": %s}
                """.formatted(runner, LocalDate.now(ZoneId.of("America/Chicago")).minusDays(3), runner, therapist);
    }

    private static String lee() {
        return "{\"name\": \"Dr. Lee\", \"email\": \"" + LEE_EMAIL + "\"}";
    }

    private static String kim() {
        return "{\"name\": \"Dr. Kim\", \"email\": \"kim@clinic.example.org\", \"id\": \"" + KIM_ID + "\"}";
    }

    private static boolean plansMade;
    /** The OVERLOAD Ana's run on day 2 raises. */
    private static UUID anaAlert;

    /** Once, before the first test; RestAssured knows the test port only from the first test on. */
    @BeforeEach
    void plans() {
        if (plansMade) {
            return;
        }
        plansMade = true;
        given().auth().oauth2(Tokens.runner(ANA)).contentType(ContentType.JSON).body(plan(ANA, lee()))
                .post("/api/v1/plans").then().statusCode(201).body("physicalTherapist.id", equalTo(LEE));
        given().auth().oauth2(Tokens.pt(KIM_ID)).contentType(ContentType.JSON).body(plan(BEN, kim()))
                .post("/api/v1/plans").then().statusCode(201).body("physicalTherapist.id", equalTo(KIM_ID));
        // Plays activity-service: Ana runs on day 2, in the Rest phase, an OVERLOAD.
        UUID run = UUID.randomUUID();
        ActivityRecorded recorded = new ActivityRecorded(run, ANA, Sport.RUN, LocalDate.now(ZoneId.of("America/Chicago"))
                .minusDays(1).atTime(7, 0).atZone(ZoneId.of("America/Chicago")).toOffsetDateTime(), 1800, 5000, 4, null,
                Instant.now(), null, null);
        try (TopicWriter writer = new TopicWriter(bootstrap())) {
            writer.send("activities", ANA, EventJson.write(recorded),
                    CloudEvents.headers(run.toString(), ActivityRecorded.TYPE, "/test", Instant.now()));
        }
        List<ConsumerRecord<String, String>> alerts = new TopicReader(bootstrap()).await("alerts",
                r -> ANA.equals(r.key()), 1, Duration.ofSeconds(30), Duration.ofSeconds(1));
        assertThat(alerts).hasSize(1);
        anaAlert = EventJson.read(alerts.get(0).value(), OverloadAlertRaised.TYPE).alertId();
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static Map<String, String> callers() {
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("runner ana", Tokens.runner(ANA));
        callers.put("runner ben", Tokens.runner(BEN));
        callers.put("pt lee", Tokens.pt(LEE));
        callers.put("pt kim", Tokens.pt(KIM_ID));
        callers.put("admin", Tokens.admin());
        return callers;
    }

    /** One endpoint on Ana's plan: the expected status for each caller of {@link #callers()}, in order. */
    private record Row(String method, String path, String body, int... expected) {
    }

    @Test
    void everyRoleGetsAllowedForbiddenOrNotFoundOnEveryEndpoint() {
        List<Row> rows = List.of(
                //                                                      ana  ben  lee  kim  admin
                new Row("GET", "/api/v1/plans/" + ANA, null, 200, 404, 200, 404, 200),
                new Row("GET", "/api/v1/plans/" + ANA + "/caps", null, 200, 404, 200, 404, 200),
                new Row("PATCH", "/api/v1/plans/" + ANA + "/caps", CAPS_CHANGE, 403, 404, 200, 404, 200),
                new Row("GET", "/api/v1/runners/" + ANA + "/today", null, 200, 404, 200, 404, 200),
                new Row("GET", "/api/v1/runners/" + ANA + "/findings", null, 200, 404, 200, 404, 200),
                new Row("GET", "/api/v1/plans/" + BEN, null, 404, 200, 404, 200, 200),
                new Row("PATCH", "/api/v1/plans/" + BEN + "/caps", CAPS_CHANGE, 404, 403, 404, 200, 200),
                new Row("GET", "/api/v1/plans/nobody-has-this-plan", null, 404, 404, 404, 404, 404),
                new Row("GET", "/api/v1/plans", null, 200, 200, 200, 200, 200),
                new Row("GET", "/api/v1/alerts", null, 200, 200, 200, 200, 200),
                new Row("GET", "/api/v1/alerts/" + anaAlert, null, 200, 404, 200, 404, 200),
                new Row("GET", "/api/v1/runners/" + ANA + "/activities", null, 200, 404, 200, 404, 200),
                new Row("GET", "/api/v1/runners/" + BEN + "/activities", null, 404, 200, 404, 200, 200),
                // Callers in column order: Dr. Lee's acknowledgement is taken, the admin's after it is a 409.
                new Row("POST", "/api/v1/alerts/" + anaAlert + "/acknowledgement", "{}", 403, 404, 200, 404, 409),
                new Row("GET", "/api/v1/alerts/" + UUID.randomUUID(), null, 404, 404, 404, 404, 404),
                new Row("POST", "/api/v1/alerts/" + UUID.randomUUID() + "/acknowledgement", "{}", 404, 404, 404, 404, 404));
        AccessMatrix.Result result = AccessMatrix.check(callers(), rows.stream().map(row -> new AccessMatrix.Row(
                row.method() + " " + row.path(), token -> answer(send(given().auth().oauth2(token), row.method(),
                        row.path(), row.body())), row.expected())).toList());
        assertThat(result.mismatches()).as("of %d calls", result.tried()).isEmpty();
    }

    @Test
    void listsShowEachCallerOnlyThePlansAndAlertsTheyMaySee() {
        given().auth().oauth2(Tokens.runner(ANA)).get("/api/v1/plans").then().statusCode(200).body("runnerId", contains(ANA));
        given().auth().oauth2(Tokens.runner(BEN)).get("/api/v1/plans").then().statusCode(200).body("runnerId", contains(BEN));
        given().auth().oauth2(Tokens.pt(LEE)).queryParam("limit", 1000).get("/api/v1/plans").then().statusCode(200)
                .body("runnerId", hasItem(ANA)).body("runnerId", not(hasItem(BEN)));
        given().auth().oauth2(Tokens.pt(KIM_ID)).queryParam("limit", 1000).get("/api/v1/plans").then().statusCode(200)
                .body("runnerId", hasItem(BEN)).body("runnerId", not(hasItem(ANA)));
        given().auth().oauth2(Tokens.admin()).queryParam("limit", 1000).get("/api/v1/plans").then().statusCode(200)
                .body("runnerId", hasItems(ANA, BEN));

        given().auth().oauth2(Tokens.runner(ANA)).get("/api/v1/alerts").then().statusCode(200)
                .body("alerts.alertId", contains(anaAlert.toString()));
        given().auth().oauth2(Tokens.pt(LEE)).queryParam("limit", 1000).get("/api/v1/alerts").then().statusCode(200)
                .body("alerts.alertId", hasItem(anaAlert.toString()));
        for (String other : List.of(Tokens.runner(BEN), Tokens.pt(KIM_ID))) {
            given().auth().oauth2(other).queryParam("limit", 1000).get("/api/v1/alerts").then().statusCode(200)
                    .body("alerts.alertId", not(hasItem(anaAlert.toString())));
            given().auth().oauth2(other).queryParam("runnerId", ANA).get("/api/v1/alerts").then().statusCode(200)
                    .body("alerts", empty());
        }
        given().auth().oauth2(Tokens.admin()).queryParam("runnerId", ANA).get("/api/v1/alerts").then().statusCode(200)
                .body("alerts.alertId", contains(anaAlert.toString()));
    }

    @Test
    void anotherRunnersAlertIsAnsweredExactlyLikeAnAlertThatDoesNotExist() {
        UUID unknown = UUID.randomUUID();
        String other = given().auth().oauth2(Tokens.pt(KIM_ID)).get("/api/v1/alerts/" + anaAlert).then().statusCode(404)
                .extract().path("detail");
        String none = given().auth().oauth2(Tokens.pt(KIM_ID)).get("/api/v1/alerts/" + unknown).then().statusCode(404)
                .extract().path("detail");
        assertThat(other.replace(anaAlert.toString(), "ID")).isEqualTo(none.replace(unknown.toString(), "ID"));
    }

    @Test
    void creatingAPlanIsForTheRunnerThemselvesTheirPtOrAnAdmin() {
        String carla = "carla-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(Tokens.runner(ANA)).contentType(ContentType.JSON).body(plan(carla, lee()))
                .post("/api/v1/plans").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.pt(KIM_ID)).contentType(ContentType.JSON).body(plan(carla, lee()))
                .post("/api/v1/plans").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.pt(LEE)).contentType(ContentType.JSON).body(plan(carla, lee()))
                .post("/api/v1/plans").then().statusCode(201);
        String dan = "dan-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(Tokens.runner(dan)).contentType(ContentType.JSON).body(plan(dan, kim()))
                .post("/api/v1/plans").then().statusCode(201);
        String eve = "eve-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(plan(eve, kim()))
                .post("/api/v1/plans").then().statusCode(201);
    }

    @Test
    void thePtIdAPlanIsAuthorizedByTravelsOnThePlansTopic() {
        TopicReader plans = new TopicReader(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        for (Map.Entry<String, String> runnerAndPt : Map.of(ANA, LEE, BEN, KIM_ID).entrySet()) {
            List<ConsumerRecord<String, String>> records = plans.await("plans",
                    r -> runnerAndPt.getKey().equals(r.key()), 1, Duration.ofSeconds(30), Duration.ofSeconds(1));
            assertThat(records).isNotEmpty().allSatisfy(record -> {
                assertThat(EventSchemas.violations(PlanChanged.TYPE, record.value())).isEmpty();
                assertThat(EventJson.read(record.value(), PlanChanged.TYPE).physicalTherapist().id())
                        .isEqualTo(runnerAndPt.getValue());
            });
        }
    }

    @Test
    void othersRunnerIsAnsweredExactlyLikeARunnerWithoutAPlan() {
        String other = given().auth().oauth2(Tokens.pt(KIM_ID)).get("/api/v1/plans/" + ANA).then().statusCode(404)
                .extract().path("detail");
        String none = given().auth().oauth2(Tokens.pt(KIM_ID)).get("/api/v1/plans/nobody-x").then().statusCode(404)
                .extract().path("detail");
        assertThat(other.replace(ANA, "ID")).isEqualTo(none.replace("nobody-x", "ID"));
    }

    @Test
    void missingOrBadTokensAreRefusedWith401ProblemOnEveryEndpoint() throws Exception {
        assertThat(BadCredentials.notRefused(base.toURI(), List.of(
                Endpoint.write("POST", "/api/v1/plans", plan("x-" + UUID.randomUUID().toString().substring(0, 6), lee())),
                Endpoint.get("/api/v1/plans/" + ANA),
                Endpoint.get("/api/v1/plans/" + ANA + "/caps"),
                Endpoint.write("PATCH", "/api/v1/plans/" + ANA + "/caps", CAPS_CHANGE),
                Endpoint.get("/api/v1/runners/" + ANA + "/today"),
                Endpoint.get("/api/v1/runners/" + ANA + "/findings"),
                Endpoint.get("/api/v1/runners/" + ANA + "/activities"),
                Endpoint.get("/api/v1/plans"),
                Endpoint.get("/api/v1/alerts"),
                Endpoint.get("/api/v1/alerts/" + anaAlert),
                Endpoint.write("POST", "/api/v1/alerts/" + anaAlert + "/acknowledgement", "{}")))).isEmpty();
    }

    @Test
    void aTokenJustPastItsExpiryIsAcceptedWithinTheDefaultClockSkewOf30Seconds() {
        given().auth().oauth2(Tokens.expiredSecondsAgo(3, "ops", "admin")).get("/api/v1/plans/" + ANA)
                .then().statusCode(200);
        given().auth().oauth2(Tokens.expiredSecondsAgo(45, "ops", "admin")).get("/api/v1/plans/" + ANA)
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void healthMetricsAndOpenApiStayOpen() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    private static AccessMatrix.Answer answer(Response response) {
        return new AccessMatrix.Answer(response.statusCode(), response.contentType(), response.asString());
    }

    private static Response send(RequestSpecification request, String method, String path, String body) {
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.request(method, path);
    }
}
