package io.rebound.plan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rebound.testkit.DevstackResource;
import io.rebound.testkit.InfraAvailable;
import io.rebound.infrastructure.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Changes to one plan sent at the same moment: each is applied in turn (or refused with a 409), never a 5xx, never
 * lost, each with its own version, history entry and PlanChanged event in the outbox.
 */
@QuarkusTest
@ExtendWith(InfraAvailable.class)
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "plan"))
class PlanConcurrencyIT {

    private static final int AT_ONCE = 8;
    private static final String[] PHASES = {"REST", "RECOVER", "REINTRODUCE", "REBUILD", "RESUME"};

    @TestHTTPResource("/")
    URL base;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private static String runner() {
        return "runner-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String plan(String runner) {
        return """
                {"runnerId": "%s", "raceDate": "%s", "timeZone": "America/Chicago",
                 "peakWeek": {"distance": 50, "unit": "mi"},
                 "runner": {"name": "Ana Runner", "email": "ana@example.org"},
                 "physicalTherapist": {"name": "Dr. Lee", "email": "lee@clinic.example.org"}}
                """.formatted(runner, LocalDate.now(ZoneId.of("America/Chicago")).minusDays(2));
    }

    /** Change i sets a field no other change sets, so a lost change shows in the final caps. */
    private static String field(int i) {
        return i < PHASES.length ? "singleRunMetres" : "crossTrainingSessionMinutes";
    }

    private static int value(int i) {
        return i < PHASES.length ? 5000 + 100 * i : 20 + i;
    }

    private static String caps(int i) {
        return """
                {"changedBy": "Dr. Lee", "reason": "change %d", "phases": {"%s": {"%s": %d}}, "injured": %b}"""
                .formatted(i, PHASES[i % PHASES.length], field(i), value(i), i % 2 == 0);
    }

    @Test
    void simultaneousCapsChangesAreEachAppliedInTurnWithTheirOwnVersionHistoryAndEvent() throws Exception {
        String runner = runner();
        String planId = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(plan(runner))
                .post("/api/v1/plans").then().statusCode(201).extract().path("planId");

        List<HttpResponse<String>> answers = atOnce(i -> HttpRequest.newBuilder(uri("api/v1/plans/" + runner + "/caps"))
                .method("PATCH", HttpRequest.BodyPublishers.ofString(caps(i))));

        Map<String, Integer> versionOf = new HashMap<>();
        for (int i = 0; i < AT_ONCE; i++) {
            HttpResponse<String> answer = answers.get(i);
            assertThat(answer.statusCode()).as("change %d: %s", i, start(answer)).isIn(200, 409);
            if (answer.statusCode() == 409) {
                assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
                continue;
            }
            versionOf.put("change " + i, JsonPath.from(answer.body()).getInt("version"));
        }
        int applied = versionOf.size();
        assertThat(applied).as("at least one of the changes goes through").isPositive();
        assertThat(versionOf.values()).as("each applied change has a version of its own")
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(2, 1 + applied).boxed().toList());

        JsonPath plan = given().auth().oauth2(Tokens.admin()).get("/api/v1/plans/{runner}", runner)
                .then().statusCode(200).extract().jsonPath();
        assertThat(plan.getInt("version")).isEqualTo(1 + applied);
        for (int i = 0; i < AT_ONCE; i++) {
            if (versionOf.containsKey("change " + i)) {
                assertThat(plan.getDouble("caps.phases." + PHASES[i % PHASES.length] + "." + field(i)))
                        .as("change %d is not lost", i).isEqualTo(value(i));
            }
        }

        JsonPath caps = given().auth().oauth2(Tokens.admin()).get("/api/v1/plans/{runner}/caps", runner)
                .then().statusCode(200).extract().jsonPath();
        List<String> history = caps.getList("changes.reason", String.class);
        assertThat(history).as("one history entry per applied change").hasSize(applied)
                .containsExactlyInAnyOrderElementsOf(versionOf.keySet());
        List<Integer> versionsInHistoryOrder = history.stream().map(versionOf::get).toList();
        assertThat(versionsInHistoryOrder).as("the history lists the changes in the order they were applied").isSorted();
        String last = history.get(history.size() - 1);
        assertThat(caps.getBoolean("injured")).as("the last change applied sets the injured flag")
                .isEqualTo(Integer.parseInt(last.substring("change ".length())) % 2 == 0);

        List<String> events = outboxEventIds("plans", runner);
        assertThat(events).as("one PlanChanged per version: the plan's creation and each applied change")
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 1 + applied)
                        .mapToObj(version -> planId + ":" + version).toList());
    }

    @Test
    void simultaneousCreationsOfOnePlanGiveOnePlanAndAConflictForTheRest() throws Exception {
        String runner = runner();
        List<HttpResponse<String>> answers = atOnce(i -> HttpRequest.newBuilder(uri("api/v1/plans"))
                .POST(HttpRequest.BodyPublishers.ofString(plan(runner))));

        List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).toList();
        assertThat(statuses).as("bodies: %s", answers.stream().map(PlanConcurrencyIT::start).toList())
                .containsOnly(201, 409).containsOnlyOnce(201);
        for (HttpResponse<String> answer : answers) {
            if (answer.statusCode() == 409) {
                assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(JsonPath.from(answer.body()).getString("detail")).contains(runner + " already has a plan");
            }
        }
        String planId = given().auth().oauth2(Tokens.admin()).get("/api/v1/plans/{runner}", runner)
                .then().statusCode(200).extract().path("planId");
        assertThat(outboxEventIds("plans", runner)).containsExactly(planId + ":1");
    }

    /** The start of an answer's body: enough to see which error it was. */
    private static String start(HttpResponse<String> answer) {
        return answer.body().substring(0, Math.min(answer.body().length(), 300));
    }

    private URI uri(String path) {
        return URI.create(base.toString() + path);
    }

    /** Sends the requests as near together as the machine allows: each thread waits at one gate, then all go. */
    private List<HttpResponse<String>> atOnce(IntFunction<HttpRequest.Builder> request) throws Exception {
        String token = Tokens.admin();
        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < AT_ONCE; i++) {
                HttpRequest built = request.apply(i).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60)).build();
                sent.add(pool.submit(() -> {
                    gate.await();
                    return http.send(built, HttpResponse.BodyHandlers.ofString());
                }));
            }
            gate.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : sent) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> outboxEventIds(String topic, String key) throws Exception {
        Config config = ConfigProvider.getConfig();
        try (Connection db = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
                PreparedStatement query = db.prepareStatement(
                        "select event_id from outbox_event where topic = ? and event_key = ? order by seq")) {
            query.setString(1, topic);
            query.setString(2, key);
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }
}
