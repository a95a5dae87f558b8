package io.rebound.activity.connect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.rebound.activity.Callers;
import io.rebound.activity.ProviderApisResource;
import io.rebound.activity.ingest.DeviceLink;
import io.rebound.activity.ingest.LinkKey;
import io.rebound.activity.ingest.Provider;
import io.rebound.activity.links.TokenCipher;
import io.rebound.activity.provider.Fixtures;
import io.rebound.testkit.DevstackResource;
import io.rebound.testkit.InfraAvailable;
import io.rebound.testkit.TopicReader;
import io.rebound.events.ActivityRecorded;
import io.rebound.events.EventJson;
import io.rebound.support.vertx.SafeContexts;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Connecting Strava, Polar and Garmin through their OAuth flows, end to end: WireMock plays each provider's token
 * endpoint and API with their documented answers (token answers, expiry and rotation, a 401 then a refresh, a revoked
 * refresh token, deauthorization, Polar's 409 for a user registered already); PostgreSQL and Kafka are real.
 */
@QuarkusTest
@ExtendWith(InfraAvailable.class)
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "activity"))
@QuarkusTestResource(ProviderApisResource.class)
class ConnectionsIT {

    private static final String STRAVA_CALLBACK = "http://localhost:8080/devices/callback/strava";
    private static final String POLAR_CALLBACK = "http://localhost:8080/devices/callback/polar";
    private static final String GARMIN_CALLBACK = "http://localhost:8080/devices/callback/garmin";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    private static final String REVOKED = """
            {"message": "Bad Request", "errors": [{"resource": "RefreshToken", "field": "refresh_token", "code": "invalid"}]}""";

    @Inject
    TokenKeeper keeper;

    @Inject
    Vertx vertx;

    private static WireMock providers() {
        URI base = URI.create(ConfigProvider.getConfig().getValue("rebound.activity.strava.base-url", String.class));
        return new WireMock(base.getHost(), base.getPort());
    }

    private static String runner() {
        return "runner-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static long anId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static TokenCipher cipher() {
        return new TokenCipher(Optional.of(ConfigProvider.getConfig().getValue("rebound.activity.token-key", String.class)));
    }

    // ---- Strava, as its token endpoint and API answer ----

    private static String stravaTokenAnswer(long athlete, String access, String refresh, Instant expiresAt) {
        return """
                {"token_type": "Bearer", "expires_at": %d, "expires_in": %d, "refresh_token": "%s",
                 "access_token": "%s", "athlete": {"id": %d, "resource_state": 2, "firstname": "Ana",
                 "lastname": "Runner", "city": "Lausanne", "country": "Switzerland", "sex": "F", "summit": false}}
                """.formatted(expiresAt.getEpochSecond(), Duration.between(Instant.now(), expiresAt).toSeconds(),
                refresh, access, athlete);
    }

    private static String stravaRefreshAnswer(String access, String refresh, Instant expiresAt) {
        return """
                {"token_type": "Bearer", "access_token": "%s", "expires_at": %d, "expires_in": %d, "refresh_token": "%s"}
                """.formatted(access, expiresAt.getEpochSecond(), Duration.between(Instant.now(), expiresAt).toSeconds(),
                refresh);
    }

    private static void stravaCode(String code, String answer) {
        providers().register(post(urlEqualTo("/oauth/token")).withRequestBody(containing("code=" + code))
                .willReturn(okJson(answer)));
    }

    private static void stravaRefresh(String refreshToken, int status, String answer) {
        providers().register(post(urlEqualTo("/oauth/token"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=" + refreshToken))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody(answer)));
    }

    private static void stravaList(String token, String answer) {
        providers().register(get(urlPathEqualTo("/api/v3/athlete/activities"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + token))
                .willReturn(okJson(answer)));
    }

    private static void stravaActivity(String token, long id, Instant start, double metres) {
        ObjectNode activity = Fixtures.json("/io/rebound/activity/provider/strava/detailed-activity.json");
        activity.put("id", id).put("distance", metres).put("start_date", start.toString())
                .put("start_date_local", start.minusSeconds(7 * 3600).toString());
        providers().register(get(urlEqualTo("/api/v3/activities/" + id))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + token))
                .willReturn(okJson(activity.toString())));
    }

    private static List<LoggedRequest> stravaListRequests(String token) {
        return providers().find(getRequestedFor(urlPathEqualTo("/api/v3/athlete/activities"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + token)));
    }

    private static int refreshes(String refreshToken) {
        return providers().find(postRequestedFor(urlEqualTo("/oauth/token"))
                .withRequestBody(containing("refresh_token=" + refreshToken))).size();
    }

    // ---- the API under test ----

    private static JsonPath authorization(String runner, String provider, String redirect, String challenge) {
        String body = "{\"redirectUri\": \"%s\", \"state\": \"st-42\", \"codeChallenge\": %s}".formatted(redirect,
                challenge == null ? "null" : "\"" + challenge + "\"");
        return Callers.runner(runner).contentType(ContentType.JSON).body(body)
                .post("/api/v1/runners/{runner}/connections/{provider}/authorization", runner, provider)
                .then().statusCode(200).extract().jsonPath();
    }

    private static io.restassured.response.ValidatableResponse connect(String runner, String provider, String code,
            String redirect, String verifier, String scope) {
        String body = "{\"code\": \"%s\", \"redirectUri\": \"%s\", \"codeVerifier\": %s, \"scope\": %s}".formatted(code,
                redirect, verifier == null ? "null" : "\"" + verifier + "\"", scope == null ? "null" : "\"" + scope + "\"");
        return Callers.runner(runner).contentType(ContentType.JSON).body(body)
                .post("/api/v1/runners/{runner}/connections/{provider}", runner, provider).then();
    }

    private static io.restassured.response.ValidatableResponse connectStrava(String runner, String code) {
        return connect(runner, "strava", code, STRAVA_CALLBACK, null, "read,activity:read_all");
    }

    private static JsonPath connections(String runner) {
        return Callers.runner(runner).get("/api/v1/runners/{runner}/connections", runner)
                .then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, String> query(String url) {
        Map<String, String> query = new HashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return query;
    }

    private static List<ConsumerRecord<String, String>> published(String runner, int atLeast) {
        return new TopicReader(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))
                .await("activities", r -> runner.equals(r.key()), atLeast, Duration.ofSeconds(40), Duration.ofSeconds(2));
    }

    // ---- the database, as stored ----

    private static Connection database() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    private static Map<String, Object> link(String provider, String userId) throws SQLException {
        try (Connection db = database(); PreparedStatement select = db.prepareStatement(
                "SELECT * FROM device_link WHERE provider = ? AND provider_user_id = ?")) {
            select.setString(1, provider);
            select.setString(2, userId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                Map<String, Object> columns = new HashMap<>();
                for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                    columns.put(row.getMetaData().getColumnName(i), row.getObject(i));
                }
                return columns;
            }
        }
    }

    private static List<String> jobStates(String provider, String userId) throws SQLException {
        try (Connection db = database(); PreparedStatement select = db.prepareStatement(
                "SELECT state FROM fetch_job WHERE provider = ? AND provider_user_id = ? ORDER BY created_at")) {
            select.setString(1, provider);
            select.setString(2, userId);
            List<String> states = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    states.add(row.getString(1));
                }
            }
            return states;
        }
    }

    // ---- Strava ----

    @Test
    void stravaConnectTakesTheAthleteFromTheTokenAnswerStoresTokensEncryptedAndBackfills16Weeks() throws Exception {
        String runner = runner();
        long athlete = anId();
        String access = unique("at");
        String refresh = unique("rt");
        String url = authorization(runner, "strava", STRAVA_CALLBACK, CHALLENGE).getString("authorizationUrl");
        assertThat(url).startsWith("https://www.strava.com/oauth/authorize?");
        assertThat(query(url)).containsEntry("client_id", "test-strava-client").containsEntry("response_type", "code")
                .containsEntry("redirect_uri", STRAVA_CALLBACK).containsEntry("scope", "activity:read_all")
                .containsEntry("state", "st-42").containsEntry("approval_prompt", "auto")
                .doesNotContainKey("code_challenge");

        String code = unique("code");
        stravaCode(code, stravaTokenAnswer(athlete, access, refresh, Instant.now().plus(Duration.ofHours(6))));
        long first = anId();
        long second = anId();
        stravaList(access, "[{\"id\": %d, \"resource_state\": 2}, {\"id\": %d, \"resource_state\": 2}]"
                .formatted(first, second));
        stravaActivity(access, first, Instant.now().minus(Duration.ofDays(10)), 8046.7);
        stravaActivity(access, second, Instant.now().minus(Duration.ofDays(40)), 12000);

        Instant connectedAround = Instant.now();
        connectStrava(runner, code).statusCode(201)
                .body("provider", equalTo("strava")).body("providerUserId", equalTo(Long.toString(athlete)))
                .body("replayed", equalTo(0)).body("backfill", equalTo("queued"))
                .body("connectedAt", org.hamcrest.Matchers.notNullValue());

        List<ConsumerRecord<String, String>> records = published(runner, 2);
        assertThat(records).hasSize(2);
        assertThat(records.stream().map(r -> EventJson.read(r.value(), ActivityRecorded.TYPE).distanceMetres()))
                .containsExactlyInAnyOrder(8046.7, 12000.0);
        LoggedRequest list = stravaListRequests(access).get(0);
        long after = Long.parseLong(list.queryParameter("after").firstValue());
        assertThat(Instant.ofEpochSecond(after)).isBetween(connectedAround.minus(Duration.ofDays(112)).minusSeconds(60),
                connectedAround.minus(Duration.ofDays(112)).plusSeconds(60));
        assertThat(list.queryParameter("page").firstValue()).isEqualTo("1");
        assertThat(list.queryParameter("per_page").firstValue()).isEqualTo("200");

        Map<String, Object> row = link("strava", Long.toString(athlete));
        assertThat(row).isNotNull().containsEntry("runner_id", runner).containsEntry("status", "connected");
        assertThat((String) row.get("access_token")).doesNotContain(access).startsWith("k");
        assertThat((String) row.get("refresh_token")).doesNotContain(refresh).startsWith("k");
        assertThat(cipher().decrypt((String) row.get("refresh_token"))).isEqualTo(refresh);

        await().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> {
            JsonPath view = connections(runner);
            assertThat(view.getList("available", String.class)).containsExactly("strava", "polar", "garmin");
            assertThat(view.getList("connections")).hasSize(1);
            assertThat(view.getString("connections[0].provider")).isEqualTo("strava");
            assertThat(view.getString("connections[0].providerUserId")).isEqualTo(Long.toString(athlete));
            assertThat(view.getString("connections[0].status")).isEqualTo("connected");
            assertThat(view.getString("connections[0].backfill")).isEqualTo("done");
        });
    }

    @Test
    void stravaMistakesAreProblemsNamingTheFieldAndNothingIsStored() {
        String runner = runner();
        String refused = unique("code");
        providers().register(post(urlEqualTo("/oauth/token")).withRequestBody(containing("code=" + refused))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                        {"message": "Bad Request", "errors": [{"resource": "AuthorizationCode", "field": "code", "code": "invalid"}]}""")));
        connectStrava(runner, refused).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("code"));

        String readOnly = unique("code");
        connect(runner, "strava", readOnly, STRAVA_CALLBACK, null, "read").statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("scope"))
                .body("detail", containsString("activity:read_all"));
        assertThat(providers().find(postRequestedFor(urlEqualTo("/oauth/token"))
                .withRequestBody(containing("code=" + readOnly)))).as("a code with too little scope is not spent").isEmpty();

        connect(runner, "strava", unique("code"), "https://evil.example/callback", null, "activity:read_all")
                .statusCode(400).body("errors[0].field", equalTo("redirectUri"));
        Callers.runner(runner).contentType(ContentType.JSON)
                .body("{\"redirectUri\": \"https://evil.example/cb\", \"state\": \"s\", \"codeChallenge\": null}")
                .post("/api/v1/runners/{runner}/connections/strava/authorization", runner)
                .then().statusCode(400).body("errors[0].field", equalTo("redirectUri"));
        Callers.runner(runner).contentType(ContentType.JSON)
                .body("{\"redirectUri\": \"" + GARMIN_CALLBACK + "\", \"state\": \"s\", \"codeChallenge\": null}")
                .post("/api/v1/runners/{runner}/connections/garmin/authorization", runner)
                .then().statusCode(400).body("errors[0].field", equalTo("codeChallenge"));
        Callers.runner(runner).contentType(ContentType.JSON)
                .body("{\"redirectUri\": \"" + STRAVA_CALLBACK + "\", \"state\": \"s\", \"codeChallenge\": null}")
                .post("/api/v1/runners/{runner}/connections/fitbit/authorization", runner)
                .then().statusCode(404).contentType("application/problem+json");
        Callers.runner(runner).delete("/api/v1/runners/{runner}/connections/webhook", runner)
                .then().statusCode(404).contentType("application/problem+json");

        String down = unique("code");
        providers().register(post(urlEqualTo("/oauth/token")).withRequestBody(containing("code=" + down))
                .willReturn(aResponse().withStatus(503)));
        connectStrava(runner, down).statusCode(502).contentType("application/problem+json")
                .body("detail", containsString("strava"));

        assertThat(connections(runner).getList("connections")).isEmpty();
    }

    @Test
    void anAthleteConnectedToAnotherRunnerIsAConflictAndTheSameRunnerConnectingAgainReplacesTheTokens()
            throws Exception {
        String runner = runner();
        long athlete = anId();
        String code = unique("code");
        String access = unique("at");
        stravaCode(code, stravaTokenAnswer(athlete, access, unique("rt"), Instant.now().plus(Duration.ofHours(6))));
        stravaList(access, "[]");
        connectStrava(runner, code).statusCode(201);

        String intruder = runner();
        String theirs = unique("code");
        stravaCode(theirs, stravaTokenAnswer(athlete, unique("at"), unique("rt"), Instant.now().plus(Duration.ofHours(6))));
        connectStrava(intruder, theirs).statusCode(409).contentType("application/problem+json");
        assertThat(link("strava", Long.toString(athlete))).containsEntry("runner_id", runner);
        assertThat(connections(intruder).getList("connections")).isEmpty();

        String again = unique("code");
        String newAccess = unique("at");
        String newRefresh = unique("rt");
        stravaCode(again, stravaTokenAnswer(athlete, newAccess, newRefresh, Instant.now().plus(Duration.ofHours(6))));
        stravaList(newAccess, "[]");
        await().atMost(30, TimeUnit.SECONDS).until(() -> jobStates("strava", Long.toString(athlete)).stream()
                .noneMatch(state -> state.equals("PENDING")));
        connectStrava(runner, again).statusCode(200).body("providerUserId", equalTo(Long.toString(athlete)));
        assertThat(cipher().decrypt((String) link("strava", Long.toString(athlete)).get("refresh_token")))
                .isEqualTo(newRefresh);
        await().atMost(30, TimeUnit.SECONDS).until(() -> !stravaListRequests(newAccess).isEmpty());
        assertThat(connections(runner).getList("connections")).hasSize(1);
    }

    @Test
    void aTokenAboutToExpireIsRefreshedBeforeUseAndTheRotatedRefreshTokenIsKept() throws Exception {
        String runner = runner();
        long athlete = anId();
        String code = unique("code");
        String oldRefresh = unique("rt");
        String newAccess = unique("at");
        String newRefresh = unique("rt");
        Instant newExpiry = Instant.now().plus(Duration.ofHours(6));
        stravaCode(code, stravaTokenAnswer(athlete, unique("at"), oldRefresh, Instant.now().plusSeconds(60)));
        stravaRefresh(oldRefresh, 200, stravaRefreshAnswer(newAccess, newRefresh, newExpiry));
        stravaList(newAccess, "[]");

        connectStrava(runner, code).statusCode(201);

        await().atMost(30, TimeUnit.SECONDS).until(() -> !stravaListRequests(newAccess).isEmpty());
        assertThat(refreshes(oldRefresh)).isEqualTo(1);
        Map<String, Object> row = link("strava", Long.toString(athlete));
        assertThat(cipher().decrypt((String) row.get("access_token"))).isEqualTo(newAccess);
        assertThat(cipher().decrypt((String) row.get("refresh_token"))).isEqualTo(newRefresh);
        assertThat(((Timestamp) row.get("token_expires_at")).toInstant().getEpochSecond())
                .isEqualTo(newExpiry.getEpochSecond());
    }

    @Test
    void aTokenTheProviderRefusesIsRefreshedOnceAndTheCallMadeAgain() throws Exception {
        String runner = runner();
        long athlete = anId();
        String code = unique("code");
        String oldAccess = unique("at");
        String oldRefresh = unique("rt");
        String newAccess = unique("at");
        stravaCode(code, stravaTokenAnswer(athlete, oldAccess, oldRefresh, Instant.now().plus(Duration.ofHours(6))));
        providers().register(get(urlPathEqualTo("/api/v3/athlete/activities"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + oldAccess))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody("""
                        {"message": "Authorization Error", "errors": [{"resource": "Athlete", "field": "access_token", "code": "invalid"}]}""")));
        stravaRefresh(oldRefresh, 200, stravaRefreshAnswer(newAccess, oldRefresh, Instant.now().plus(Duration.ofHours(6))));
        stravaList(newAccess, "[]");

        connectStrava(runner, code).statusCode(201);

        await().atMost(30, TimeUnit.SECONDS).untilAsserted(() ->
                assertThat(connections(runner).getString("connections[0].backfill")).isEqualTo("done"));
        assertThat(stravaListRequests(oldAccess)).hasSize(1);
        assertThat(stravaListRequests(newAccess)).hasSize(1);
        assertThat(refreshes(oldRefresh)).isEqualTo(1);
        assertThat(connections(runner).getString("connections[0].status")).isEqualTo("connected");
        assertThat(cipher().decrypt((String) link("strava", Long.toString(athlete)).get("refresh_token")))
                .as("Strava kept the refresh token; so do we").isEqualTo(oldRefresh);
    }

    @Test
    void aRevokedRefreshTokenAsksTheRunnerToConnectAgainAndTheWorkWaitsForThat() throws Exception {
        String runner = runner();
        long athlete = anId();
        String code = unique("code");
        String revoked = unique("rt");
        stravaCode(code, stravaTokenAnswer(athlete, unique("at"), revoked, Instant.now().plusSeconds(30)));
        stravaRefresh(revoked, 400, REVOKED);

        connectStrava(runner, code).statusCode(201);

        await().atMost(30, TimeUnit.SECONDS).untilAsserted(() ->
                assertThat(connections(runner).getString("connections[0].status")).isEqualTo("reconnect-needed"));
        await().atMost(10, TimeUnit.SECONDS).until(() -> jobStates("strava", Long.toString(athlete))
                .equals(List.of("UNLINKED")));
        assertThat(refreshes(revoked)).as("a revoked refresh token is not tried again and again").isEqualTo(1);

        String again = unique("code");
        String access = unique("at");
        stravaCode(again, stravaTokenAnswer(athlete, access, unique("rt"), Instant.now().plus(Duration.ofHours(6))));
        stravaList(access, "[]");
        connectStrava(runner, again).statusCode(200).body("backfill", equalTo("queued"));
        await().atMost(30, TimeUnit.SECONDS).until(() -> !stravaListRequests(access).isEmpty());
        assertThat(connections(runner).getString("connections[0].status")).isEqualTo("connected");
        assertThat(refreshes(revoked)).isEqualTo(1);
    }

    @Test
    void twoRefreshesAtOnceSpendTheRefreshTokenOnceAndKeepTheNewestOne() throws Exception {
        String athlete = Long.toString(anId());
        String oldAccess = unique("at");
        String oldRefresh = unique("rt");
        String newAccess = unique("at");
        String newRefresh = unique("rt");
        TokenCipher cipher = cipher();
        try (Connection db = database(); PreparedStatement insert = db.prepareStatement("INSERT INTO device_link"
                + " (provider, provider_user_id, runner_id, access_token, refresh_token, token_expires_at, status,"
                + " created_at, connected_at) VALUES ('strava', ?, ?, ?, ?, ?, 'connected', now(), now())")) {
            insert.setString(1, athlete);
            insert.setString(2, runner());
            insert.setString(3, cipher.encrypt(oldAccess));
            insert.setString(4, cipher.encrypt(oldRefresh));
            insert.setTimestamp(5, Timestamp.from(Instant.now().plusSeconds(60)));
            insert.executeUpdate();
        }
        // Slow enough that the second refresh surely asks while the first one is under way.
        providers().register(post(urlEqualTo("/oauth/token")).withRequestBody(containing("refresh_token=" + oldRefresh))
                .willReturn(okJson(stravaRefreshAnswer(newAccess, newRefresh, Instant.now().plus(Duration.ofHours(6))))
                        .withFixedDelay(700)));
        DeviceLink seen = new DeviceLink();
        seen.key = LinkKey.of(Provider.STRAVA, athlete);
        seen.accessToken = cipher.encrypt(oldAccess);
        seen.refreshToken = cipher.encrypt(oldRefresh);
        seen.tokenExpiresAt = Instant.now().plusSeconds(60);
        seen.status = DeviceLink.CONNECTED;

        CompletableFuture<TokenKeeper.Fresh> one = keeper.accessToken(SafeContexts.fresh(vertx), seen)
                .subscribeAsCompletionStage();
        CompletableFuture<TokenKeeper.Fresh> two = keeper.accessToken(SafeContexts.fresh(vertx), seen)
                .subscribeAsCompletionStage();

        assertThat(List.of(one.get(20, TimeUnit.SECONDS), two.get(20, TimeUnit.SECONDS)))
                .containsExactly(new TokenKeeper.Fresh.Usable(newAccess), new TokenKeeper.Fresh.Usable(newAccess));
        assertThat(refreshes(oldRefresh)).isEqualTo(1);
        assertThat(cipher.decrypt((String) link("strava", athlete).get("refresh_token"))).isEqualTo(newRefresh);
    }

    @Test
    void disconnectingStravaDeauthorizesThereAndRemovesTheLinkEvenWhenStravaFails() throws Exception {
        String runner = runner();
        long athlete = anId();
        String code = unique("code");
        String access = unique("at");
        stravaCode(code, stravaTokenAnswer(athlete, access, unique("rt"), Instant.now().plus(Duration.ofHours(6))));
        stravaList(access, "[]");
        connectStrava(runner, code).statusCode(201);
        providers().register(post(urlEqualTo("/oauth/deauthorize")).withRequestBody(containing("access_token=" + access))
                .willReturn(aResponse().withStatus(500)));

        Callers.runner(runner).delete("/api/v1/runners/{runner}/connections/strava", runner).then().statusCode(204);

        providers().verifyThat(1, postRequestedFor(urlEqualTo("/oauth/deauthorize"))
                .withRequestBody(containing("access_token=" + access)));
        assertThat(link("strava", Long.toString(athlete))).isNull();
        assertThat(connections(runner).getList("connections")).isEmpty();
        Callers.runner(runner).delete("/api/v1/runners/{runner}/connections/strava", runner).then().statusCode(404)
                .contentType("application/problem+json");

        // The athlete may now connect to another runner: the link is gone.
        String other = runner();
        String again = unique("code");
        String otherAccess = unique("at");
        stravaCode(again, stravaTokenAnswer(athlete, otherAccess, unique("rt"), Instant.now().plus(Duration.ofHours(6))));
        stravaList(otherAccess, "[]");
        providers().register(post(urlEqualTo("/oauth/deauthorize")).withRequestBody(containing("access_token=" + otherAccess))
                .willReturn(okJson("{\"access_token\": \"" + otherAccess + "\"}")));
        connectStrava(other, again).statusCode(201);
        Callers.runner(other).delete("/api/v1/runners/{runner}/connections/strava", other).then().statusCode(204);
        providers().verifyThat(1, postRequestedFor(urlEqualTo("/oauth/deauthorize"))
                .withRequestBody(containing("access_token=" + otherAccess)));
    }

    // ---- Polar ----

    @Test
    void polarConnectRegistersTheUserTakesAlreadyRegisteredAsDoneAndDisconnectDeregisters() throws Exception {
        String runner = runner();
        long user = anId();
        String access = unique("pt");
        String url = authorization(runner, "polar", POLAR_CALLBACK, null).getString("authorizationUrl");
        assertThat(url).startsWith("https://flow.polar.com/oauth2/authorization?");
        assertThat(query(url)).containsEntry("client_id", "test-polar-client").containsEntry("response_type", "code")
                .containsEntry("redirect_uri", POLAR_CALLBACK).containsEntry("scope", "accesslink.read_all")
                .containsEntry("state", "st-42");

        String code = unique("code");
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(
                "test-polar-client:test-polar-secret".getBytes(StandardCharsets.UTF_8));
        providers().register(post(urlEqualTo("/polar/v2/oauth2/token")).withHeader("Authorization", WireMock.equalTo(basic))
                .withRequestBody(containing("code=" + code))
                .withRequestBody(containing("redirect_uri=" + java.net.URLEncoder.encode(POLAR_CALLBACK, StandardCharsets.UTF_8)))
                .willReturn(okJson("""
                        {"access_token": "%s", "token_type": "bearer", "expires_in": 31535999, "x_user_id": %d}
                        """.formatted(access, user))));
        providers().register(post(urlEqualTo("/v3/users")).withHeader("Authorization", WireMock.equalTo("Bearer " + access))
                .withRequestBody(equalToJson("{\"member-id\": \"" + runner + "\"}"))
                .willReturn(aResponse().withStatus(409)));

        connect(runner, "polar", code, POLAR_CALLBACK, null, null).statusCode(201)
                .body("provider", equalTo("polar")).body("providerUserId", equalTo(Long.toString(user)))
                .body("backfill", equalTo("none"));
        providers().verifyThat(1, postRequestedFor(urlEqualTo("/v3/users"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + access)));
        JsonPath view = connections(runner);
        assertThat(view.getString("connections[0].status")).isEqualTo("connected");
        assertThat(view.getString("connections[0].backfill")).isEqualTo("none");
        Map<String, Object> row = link("polar", Long.toString(user));
        assertThat(cipher().decrypt((String) row.get("access_token"))).isEqualTo(access);
        assertThat(row.get("refresh_token")).isNull();
        assertThat(((Timestamp) row.get("token_expires_at")).toInstant()).isAfter(Instant.now().plus(Duration.ofDays(364)));

        providers().register(delete(urlEqualTo("/v3/users/" + user)).withHeader("Authorization", WireMock.equalTo("Bearer " + access))
                .willReturn(aResponse().withStatus(204)));
        Callers.runner(runner).delete("/api/v1/runners/{runner}/connections/polar", runner).then().statusCode(204);
        providers().verifyThat(1, deleteRequestedFor(urlEqualTo("/v3/users/" + user)));
        assertThat(connections(runner).getList("connections")).isEmpty();
    }

    @Test
    void polarRefusingTheRegistrationIsAProviderProblemAndNothingIsStored() throws Exception {
        String runner = runner();
        long user = anId();
        String access = unique("pt");
        String code = unique("code");
        providers().register(post(urlEqualTo("/polar/v2/oauth2/token")).withRequestBody(containing("code=" + code))
                .willReturn(okJson(("{\"access_token\": \"%s\", \"token_type\": \"bearer\", \"expires_in\": 31535999,"
                        + " \"x_user_id\": %d}").formatted(access, user))));
        providers().register(post(urlEqualTo("/v3/users")).withHeader("Authorization", WireMock.equalTo("Bearer " + access))
                .willReturn(aResponse().withStatus(500)));
        connect(runner, "polar", code, POLAR_CALLBACK, null, null).statusCode(502)
                .contentType("application/problem+json");
        assertThat(link("polar", Long.toString(user))).isNull();
    }

    // ---- Garmin ----

    @Test
    void garminConnectUsesPkceAsksForTheUserIdBackfillsInWindowsAndDisconnectDeletesTheRegistration()
            throws Exception {
        String runner = runner();
        String user = UUID.randomUUID().toString().replace("-", "");
        String access = unique("ga");
        String url = authorization(runner, "garmin", GARMIN_CALLBACK, CHALLENGE).getString("authorizationUrl");
        assertThat(url).startsWith("https://connect.garmin.com/oauth2Confirm?");
        assertThat(query(url)).containsEntry("client_id", "test-garmin-client").containsEntry("response_type", "code")
                .containsEntry("code_challenge", CHALLENGE).containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", GARMIN_CALLBACK).containsEntry("state", "st-42");

        String code = unique("code");
        providers().register(post(urlEqualTo("/garmin/di-oauth2-service/oauth/token"))
                .withRequestBody(containing("grant_type=authorization_code"))
                .withRequestBody(containing("code=" + code))
                .withRequestBody(containing("code_verifier=" + VERIFIER))
                .withRequestBody(containing("client_secret=test-garmin-secret"))
                .willReturn(okJson("""
                        {"access_token": "%s", "expires_in": 86400, "token_type": "bearer", "refresh_token": "%s",
                         "scope": "PARTNER_WRITE PARTNER_READ CONNECT_READ CONNECT_WRITE", "jti": "%s",
                         "refresh_token_expires_in": 7775998}
                        """.formatted(access, unique("gr"), UUID.randomUUID()))));
        providers().register(get(urlEqualTo("/wellness-api/rest/user/id"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + access))
                .willReturn(okJson("{\"userId\": \"" + user + "\"}")));
        providers().register(get(urlPathEqualTo("/wellness-api/rest/backfill/activities"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + access))
                .willReturn(aResponse().withStatus(202)));

        Instant connectedAround = Instant.now();
        connect(runner, "garmin", code, GARMIN_CALLBACK, VERIFIER, null).statusCode(201)
                .body("provider", equalTo("garmin")).body("providerUserId", equalTo(user))
                .body("backfill", equalTo("queued"));

        await().atMost(30, TimeUnit.SECONDS).untilAsserted(() ->
                assertThat(connections(runner).getString("connections[0].backfill")).isEqualTo("done"));
        List<LoggedRequest> windows = providers().find(getRequestedFor(urlPathEqualTo("/wellness-api/rest/backfill/activities"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + access)));
        assertThat(windows).hasSize(4);
        List<long[]> spans = windows.stream().map(w -> new long[] {
                Long.parseLong(w.queryParameter("summaryStartTimeInSeconds").firstValue()),
                Long.parseLong(w.queryParameter("summaryEndTimeInSeconds").firstValue())})
                .sorted(java.util.Comparator.comparingLong(span -> span[0])).toList();
        for (long[] span : spans) {
            assertThat(span[1] - span[0]).as("Garmin takes at most 30 days a request").isLessThanOrEqualTo(30 * 86400);
        }
        for (int i = 1; i < spans.size(); i++) {
            assertThat(spans.get(i)[0]).as("windows follow each other").isEqualTo(spans.get(i - 1)[1]);
        }
        assertThat(Instant.ofEpochSecond(spans.get(0)[0])).isBetween(
                connectedAround.minus(Duration.ofDays(112)).minusSeconds(60),
                connectedAround.minus(Duration.ofDays(112)).plusSeconds(60));
        assertThat(Instant.ofEpochSecond(spans.get(3)[1])).isBetween(connectedAround.minusSeconds(60),
                connectedAround.plusSeconds(60));

        providers().register(delete(urlEqualTo("/wellness-api/rest/user/registration"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + access)).willReturn(aResponse().withStatus(204)));
        Callers.runner(runner).delete("/api/v1/runners/{runner}/connections/garmin", runner).then().statusCode(204);
        providers().verifyThat(1, deleteRequestedFor(urlEqualTo("/wellness-api/rest/user/registration"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + access)));
        assertThat(link("garmin", user)).isNull();
    }

    @Test
    void garminWithoutTheCodeVerifierIsRefusedNamingIt() {
        String runner = runner();
        connect(runner, "garmin", unique("code"), GARMIN_CALLBACK, null, null).statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("codeVerifier"));
        connect(runner, "garmin", unique("code"), GARMIN_CALLBACK, "too-short", null).statusCode(400)
                .body("errors[0].field", equalTo("codeVerifier"));
    }
}
