package io.rebound.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

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
import io.rebound.events.DistanceUnit;
import io.rebound.events.PlanChanged;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every role against every notification-service endpoint, with real tokens signed by devstack's issuer: allowed or
 * not found (404: a runner or recipient that is not the caller's, answered exactly as for one nobody has, so nobody
 * can enumerate runners or recipients). All three roles may call every endpoint, so nothing here is a 403; a role
 * that may not call an endpoint at all is a 403 in activity-service's matrix.
 */
@QuarkusTest
@ExtendWith(InfraAvailable.class)
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
class AccessMatrixIT {

    @TestHTTPResource("/")
    URL base;

    /** Ana's plan names one PT, Ben's another; each PT's id is the one derived from their email. */
    private static final PlanChanged ANA_PLAN = Events.plan(Events.runnerId(), DistanceUnit.KM);
    private static final PlanChanged BEN_PLAN = Events.plan(Events.runnerId(), DistanceUnit.MI);
    private static final String ANA = ANA_PLAN.runnerId();
    private static final String BEN = BEN_PLAN.runnerId();
    private static final String ANA_PT = PreferencesIT.ptIdOf(ANA_PLAN.physicalTherapist().email());
    private static final String BEN_PT = PreferencesIT.ptIdOf(BEN_PLAN.physicalTherapist().email());
    private static final String NOBODY = "nobody-has-this-id";
    private static final String PREFERENCES_CHANGE = "{\"digest\": true}";

    private static boolean plansKnown;

    /** Once, before the first test: both plans reach the contact directory. */
    @BeforeEach
    void plans() {
        if (plansKnown) {
            return;
        }
        Events.publishPlan(ANA_PLAN);
        Events.publishPlan(BEN_PLAN);
        // Often the module's first test: the consumer may still be joining its group on a busy machine (modules
        // test side by side), so allow minutes; the wait ends as soon as the plans are in.
        for (String recipient : List.of(ANA, BEN, ANA_PT, BEN_PT)) {
            await().atMost(Duration.ofMinutes(3)).until(() -> Callers.admin()
                    .get("/api/v1/recipients/{id}/preferences", recipient).statusCode() == 200);
        }
        plansKnown = true;
    }

    private static Map<String, String> callers() {
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("runner ana", Tokens.runner(ANA));
        callers.put("runner ben", Tokens.runner(BEN));
        callers.put("ana's pt", Tokens.pt(ANA_PT));
        callers.put("ben's pt", Tokens.pt(BEN_PT));
        callers.put("admin", Tokens.admin());
        callers.put("pt whose subject is ana's runnerId", Tokens.pt(ANA));
        return callers;
    }

    /** One endpoint: the expected status for each caller of {@link #callers()}, in order. */
    private record Row(String method, String path, String body, int... expected) {
    }

    @Test
    void everyRoleGetsAllowedForbiddenOrNotFoundOnEveryEndpoint() {
        String deliveries = "/api/v1/deliveries?runnerId=";
        String preferences = "/api/v1/recipients/%s/preferences";
        // Columns: runner ana, runner ben, ana's PT, ben's PT, admin, a PT whose subject is ana's runnerId.
        List<Row> rows = List.of(
                new Row("GET", deliveries + ANA, null, 200, 404, 200, 404, 200, 404),
                new Row("GET", deliveries + BEN, null, 404, 200, 404, 200, 200, 404),
                new Row("GET", deliveries + NOBODY, null, 404, 404, 404, 404, 200, 404),
                new Row("GET", preferences.formatted(ANA), null, 200, 404, 404, 404, 200, 404),
                new Row("PUT", preferences.formatted(ANA), PREFERENCES_CHANGE, 200, 404, 404, 404, 200, 404),
                new Row("GET", preferences.formatted(ANA_PT), null, 404, 404, 200, 404, 200, 404),
                new Row("PUT", preferences.formatted(ANA_PT), PREFERENCES_CHANGE, 404, 404, 200, 404, 200, 404),
                new Row("GET", preferences.formatted(BEN), null, 404, 200, 404, 404, 200, 404),
                new Row("PUT", preferences.formatted(BEN_PT), PREFERENCES_CHANGE, 404, 404, 404, 200, 200, 404),
                new Row("GET", preferences.formatted(NOBODY), null, 404, 404, 404, 404, 404, 404),
                new Row("PUT", preferences.formatted(NOBODY), PREFERENCES_CHANGE, 404, 404, 404, 404, 404, 404));
        AccessMatrix.Result result = AccessMatrix.check(callers(), rows.stream().map(row -> new AccessMatrix.Row(
                row.method() + " " + row.path(), token -> answer(send(given().auth().oauth2(token), row.method(),
                        row.path(), row.body())), row.expected())).toList());
        assertThat(result.mismatches()).as("of %d calls", result.tried()).isEmpty();
    }

    @Test
    void othersDataIsAnsweredExactlyLikeDataNobodyHas() {
        RequestSpecification asBen = Callers.runner(BEN);
        String otherRunner = asBen.get("/api/v1/deliveries?runnerId=" + ANA).then().statusCode(404).extract().path("detail");
        String noRunner = Callers.runner(BEN).get("/api/v1/deliveries?runnerId=" + NOBODY).then().statusCode(404)
                .extract().path("detail");
        assertThat(otherRunner.replace(ANA, "ID")).isEqualTo(noRunner.replace(NOBODY, "ID"));

        String otherRecipient = Callers.pt(BEN_PT).get("/api/v1/recipients/{id}/preferences", ANA_PT).then()
                .statusCode(404).extract().path("detail");
        String noRecipient = Callers.pt(BEN_PT).get("/api/v1/recipients/{id}/preferences", NOBODY).then()
                .statusCode(404).extract().path("detail");
        assertThat(otherRecipient.replace(ANA_PT, "ID")).isEqualTo(noRecipient.replace(NOBODY, "ID"));
    }

    @Test
    void someoneElsesPreferencesAreNotFoundBeforeTheBodyIsEvenRead() {
        Callers.runner(BEN).contentType(ContentType.JSON).body("{\"digest\": \"not a boolean\"}")
                .put("/api/v1/recipients/{id}/preferences", ANA)
                .then().statusCode(404).contentType("application/problem+json");
        Callers.runner(ANA).contentType(ContentType.JSON).body("{\"digest\": false}")
                .put("/api/v1/recipients/{id}/preferences", ANA).then().statusCode(200).body("digest", equalTo(false));
        Callers.admin().get("/api/v1/recipients/{id}/preferences", ANA).then().statusCode(200).body("digest", equalTo(false));
    }

    @Test
    void missingOrBadTokensAreRefusedWith401ProblemOnEveryEndpoint() throws Exception {
        assertThat(BadCredentials.notRefused(base.toURI(), List.of(
                Endpoint.get("/api/v1/deliveries?runnerId=" + ANA),
                Endpoint.get("/api/v1/recipients/" + ANA + "/preferences"),
                Endpoint.write("PUT", "/api/v1/recipients/" + ANA + "/preferences", PREFERENCES_CHANGE)))).isEmpty();
    }

    @Test
    void unsubscribeHealthMetricsAndOpenApiNeedNoToken() {
        // The unsubscribe link carries its own signed token: a bad one is a 400 page, never a 401.
        given().queryParam("token", "not-a-token").get("/unsubscribe").then().statusCode(400).contentType(ContentType.HTML);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void adminSeesAnEmptyListForARunnerNobodyHasNamed() {
        Callers.admin().get("/api/v1/deliveries?runnerId=" + NOBODY).then().statusCode(200).body("$", hasSize(0));
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
