package io.rebound.activity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

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
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every role against every activity-service endpoint, with real tokens signed by devstack's issuer: allowed,
 * forbidden (403: a PT, who has no access here, or an activity recorded for someone else) and not found (404: a runner
 * that is not the caller's, whether or not they exist). Webhooks take no token: their provider's signature decides.
 */
@QuarkusTest
@ExtendWith(InfraAvailable.class)
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "activity"))
@QuarkusTestResource(ProviderApisResource.class)
class AccessMatrixIT {

    @TestHTTPResource("/")
    URL base;

    private static final String ANA = "ana-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String BEN = "ben-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String START = "2026-11-03T07:15:00-06:00";
    private static final String GPX = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
              <trk><type>running</type><trkseg>
                <trkpt lat="47.000" lon="8.0"><time>2026-11-21T06:00:00Z</time></trkpt>
                <trkpt lat="47.010" lon="8.0"><time>2026-11-21T06:06:00Z</time></trkpt>
              </trkseg></trk>
            </gpx>
            """;

    private static String activity(String runnerId) {
        return """
                {"runnerId": "%s", "sport": "run", "startTime": "%s", "durationSeconds": 1800,
                 "distanceMetres": 5000, "perceivedEffort": 4}
                """.formatted(runnerId, START);
    }

    private static String link() {
        return "{\"provider\": \"webhook\", \"providerUserId\": \"u-" + UUID.randomUUID() + "\"}";
    }

    private static String authorization() {
        return "{\"redirectUri\": \"http://localhost:8080/devices/callback/strava\", \"state\": \"s-1\","
                + " \"codeChallenge\": null}";
    }

    /** A fresh activity of the runner's, recorded by an admin. */
    private static String recorded(String runnerId) {
        return Callers.admin().contentType(ContentType.JSON).body(activity(runnerId)).post("/api/v1/activities")
                .then().statusCode(202).extract().path("activityId");
    }

    private static Map<String, String> callers() {
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("runner ana", Tokens.runner(ANA));
        callers.put("runner ben", Tokens.runner(BEN));
        callers.put("a pt", Tokens.pt("pt-clinic-1"));
        callers.put("admin", Tokens.admin());
        return callers;
    }

    /** One endpoint: how to call it with a request carrying a caller's token, and the status expected per caller. */
    private record Row(String name, Function<RequestSpecification, Response> call, int... expected) {
    }

    @Test
    void everyRoleGetsAllowedForbiddenOrNotFoundOnEveryEndpoint() {
        String anas = recorded(ANA);
        String bens = recorded(BEN);
        String runs = "/api/v1/runners/{runner}/activities";
        String one = "/api/v1/runners/{runner}/activities/{id}";
        // Columns: runner ana, runner ben, a PT, admin.
        List<Row> rows = List.of(
                new Row("POST activities for ana", r -> r.contentType(ContentType.JSON).body(activity(ANA))
                        .post("/api/v1/activities"), 202, 403, 403, 202),
                new Row("GET ana's activities", r -> r.get(runs, ANA), 200, 404, 403, 200),
                new Row("GET ana's activity", r -> r.get(one, ANA, anas), 200, 404, 403, 200),
                new Row("PUT ana's activity", r -> r.contentType(ContentType.JSON).body(activity(ANA))
                        .put(one, ANA, anas), 200, 404, 403, 200),
                new Row("DELETE an activity of ana's", r -> r.delete(one, ANA, recorded(ANA)), 204, 404, 403, 204),
                new Row("POST a file for ana", r -> r.multiPart("file", "a.gpx", GPX.getBytes(StandardCharsets.UTF_8),
                        "application/gpx+xml").post(runs + "/files", ANA), 201, 404, 403, 200),
                new Row("POST a link for ana", r -> r.contentType(ContentType.JSON).body(link())
                        .post("/api/v1/runners/{runner}/links", ANA), 403, 403, 403, 201),
                new Row("GET ana's connections", r -> r.get("/api/v1/runners/{runner}/connections", ANA),
                        200, 404, 403, 200),
                new Row("POST a Strava authorization for ana", r -> r.contentType(ContentType.JSON)
                        .body(authorization()).post("/api/v1/runners/{runner}/connections/strava/authorization", ANA),
                        200, 404, 403, 200),
                new Row("DELETE ana's Polar connection (none)", r -> r.delete(
                        "/api/v1/runners/{runner}/connections/polar", ANA), 404, 404, 403, 404),
                new Row("GET ben's activity", r -> r.get(one, BEN, bens), 404, 200, 403, 200),
                new Row("GET nobody's activities", r -> r.get(runs, "nobody-x"), 404, 404, 403, 200),
                new Row("GET nobody's activity", r -> r.get(one, "nobody-x", anas), 404, 404, 403, 404));
        AccessMatrix.Result result = AccessMatrix.check(callers(), rows.stream().map(row -> new AccessMatrix.Row(
                row.name(), token -> answer(row.call().apply(given().auth().oauth2(token))), row.expected())).toList());
        assertThat(result.mismatches()).as("of %d calls", result.tried()).isEmpty();
    }

    @Test
    void anotherRunnersDataIsAnsweredExactlyLikeARunnerNobodyHas() {
        recorded(ANA);
        String other = Callers.runner(BEN).get("/api/v1/runners/{runner}/activities", ANA).then().statusCode(404)
                .extract().path("detail");
        String none = Callers.runner(BEN).get("/api/v1/runners/{runner}/activities", "nobody-y").then().statusCode(404)
                .extract().path("detail");
        assertThat(other.replace(ANA, "ID")).isEqualTo(none.replace("nobody-y", "ID"));
    }

    @Test
    void someoneElsesRunnerIsNotFoundBeforeTheBodyIsValidated() {
        String anas = recorded(ANA);
        Callers.runner(BEN).contentType(ContentType.JSON).body("{\"runnerId\": \"" + BEN + "\"}")
                .put("/api/v1/runners/{runner}/activities/{id}", ANA, anas)
                .then().statusCode(404).contentType("application/problem+json");
        // A body of the right JSON shape that the resource would refuse (no code): the runner is checked first. (A body
        // of the wrong JSON types is refused while it is read, before any resource, whoever's runner it names.)
        Callers.runner(BEN).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/runners/{runner}/connections/strava", ANA)
                .then().statusCode(404).contentType("application/problem+json");
        Callers.runner(ANA).get("/api/v1/runners/{runner}/activities/{id}", ANA, anas)
                .then().statusCode(200).body("distanceMetres", equalTo(5000.0f));
    }

    @Test
    void missingOrBadTokensAreRefusedWith401ProblemOnEveryEndpoint() throws Exception {
        String anas = recorded(ANA);
        String one = "/api/v1/runners/" + ANA + "/activities/" + anas;
        List<String> wrong = new ArrayList<>(BadCredentials.notRefused(base.toURI(), List.of(
                Endpoint.write("POST", "/api/v1/activities", activity(ANA)),
                Endpoint.get("/api/v1/runners/" + ANA + "/activities"),
                Endpoint.get(one),
                Endpoint.write("PUT", one, activity(ANA)),
                Endpoint.delete(one),
                Endpoint.write("POST", "/api/v1/runners/" + ANA + "/links", link()),
                Endpoint.get("/api/v1/runners/" + ANA + "/connections"),
                Endpoint.write("POST", "/api/v1/runners/" + ANA + "/connections/strava/authorization",
                        authorization()),
                Endpoint.delete("/api/v1/runners/" + ANA + "/connections/strava"))));
        Response upload = given().multiPart("file", "a.gpx", GPX.getBytes(StandardCharsets.UTF_8), "application/gpx+xml")
                .post("/api/v1/runners/{runner}/activities/files", ANA);
        if (upload.statusCode() != 401) {
            wrong.add("no token, file upload: " + upload.statusCode());
        }
        assertThat(wrong).isEmpty();
        Callers.admin().get("/api/v1/runners/{runner}/activities/{id}", ANA, anas).then().statusCode(200);
    }

    @Test
    void webhooksTakeNoTokenAndATokenDoesNotStandInForTheProvidersSignature() {
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "test-verify-token")
                .queryParam("hub.challenge", "c-1").get("/api/v1/webhooks/strava")
                .then().statusCode(200).body("'hub.challenge'", equalTo("c-1"));
        Callers.admin().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "guess")
                .queryParam("hub.challenge", "c-2").get("/api/v1/webhooks/strava")
                .then().statusCode(403);
        Callers.admin().contentType(ContentType.JSON)
                .header("webhook-id", "m-" + UUID.randomUUID())
                .header("webhook-timestamp", Long.toString(System.currentTimeMillis() / 1000))
                .header("webhook-signature", "v1,bm90LWEtc2lnbmF0dXJl")
                .body("{\"type\": \"activity.created\", \"data\": {}}")
                .post("/api/v1/webhooks/generic")
                .then().statusCode(401);
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
}
