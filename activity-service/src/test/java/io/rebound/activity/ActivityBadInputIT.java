package io.rebound.activity;

import static io.rebound.testkit.BadInput.Field;
import static io.rebound.testkit.BadInput.Kind.BOOLEAN;
import static io.rebound.testkit.BadInput.Kind.ENUM;
import static io.rebound.testkit.BadInput.Kind.INTEGER;
import static io.rebound.testkit.BadInput.Kind.NUMBER;
import static io.rebound.testkit.BadInput.Kind.OBJECT;
import static io.rebound.testkit.BadInput.Kind.TEXT;
import static io.rebound.testkit.BadInput.Kind.TIMESTAMP;
import static io.rebound.testkit.BadInput.Kind.ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rebound.activity.provider.generic.StandardWebhookVerifier;
import io.rebound.testkit.BadInput;
import io.rebound.testkit.BadInputRun;
import io.rebound.testkit.BadInputRun.Request;
import io.rebound.testkit.DevstackResource;
import io.rebound.testkit.InfraAvailable;
import io.rebound.infrastructure.Tokens;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every endpoint and every webhook of activity-service, sent a table of bad requests (devstack's {@link BadInput}):
 * each must be a 4xx problem+json naming the field, leave the service ready, and write no row anywhere.
 */
@QuarkusTest
@ExtendWith(InfraAvailable.class)
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "activity"))
@QuarkusTestResource(ProviderApisResource.class)
class ActivityBadInputIT {

    private static final long JSON_LIMIT = 256 * 1024;
    private static final long UPLOAD_LIMIT = 25L * 1024 * 1024;
    private static final String RUNNER = "bad-input-" + UUID.randomUUID().toString().substring(0, 8);

    /** Ids that are not ids, as they would appear in a path (percent-encoded where a URL needs it). */
    static final List<String> BAD_PATH_IDS = List.of("sam%20smith", "r".repeat(65), "sam%E2%80%AEgnp", "sa%E2%80%8Bm",
            "sam%00", "%F0%9F%8F%83", "..%2F..%2Fetc", "-leading-dash", "%27%3B%20DROP%20TABLE%20activity%3B--",
            "%C0%AF", "%EF%BC%B3am");

    private static final List<Field> ACTIVITY = List.of(
            Field.of("runnerId", ID), Field.of("sport", ENUM), Field.of("startTime", TIMESTAMP),
            Field.of("durationSeconds", INTEGER).between(1, 86_400), Field.of("distanceMetres", NUMBER).between(0, 500_000),
            Field.optional("perceivedEffort", INTEGER).between(1, 10),
            Field.optional("averageHeartRate", INTEGER).between(20, 250),
            Field.optional("strides", BOOLEAN), Field.optional("massageDepth", ENUM));

    private static final List<Field> LINK = List.of(Field.of("provider", ENUM),
            Field.of("providerUserId", TEXT).atMost(200), Field.optional("accessToken", TEXT).atMost(2000));

    private static final List<Field> AUTHORIZATION = List.of(Field.of("redirectUri", TEXT).atMost(2000),
            Field.of("state", TEXT).atMost(500), Field.optional("codeChallenge", TEXT));

    private static final List<Field> GENERIC = List.of(Field.of("type", ENUM), Field.of("data", OBJECT),
            Field.of("data.userId", TEXT).atMost(200), Field.of("data.activityId", TEXT).atMost(200),
            Field.of("data.sport", TEXT).atMost(200), Field.of("data.startTime", TIMESTAMP),
            Field.of("data.durationSeconds", INTEGER).between(1, 86_400),
            Field.of("data.distanceMetres", NUMBER).between(0, 500_000),
            Field.optional("data.averageHeartRate", INTEGER).between(20, 250), Field.optional("timestamp", TIMESTAMP));

    private static final List<Field> STRAVA = List.of(Field.of("object_type", ENUM),
            Field.of("object_id", INTEGER).atLeast(1), Field.of("aspect_type", ENUM),
            Field.of("owner_id", INTEGER).atLeast(1),
            Field.of("subscription_id", INTEGER).atLeast(1),
            Field.of("event_time", INTEGER).between(946_684_800L, 4_102_444_800L), Field.optional("updates", OBJECT));

    /** What makes a Garmin body no push at all: refused whole. */
    private static final List<Field> GARMIN = List.of(Field.of("activities", OBJECT));

    /** A summary's own fields: a bad one refuses that summary alone (200, named in "refused"). */
    private static final List<Field> GARMIN_SUMMARY = List.of(
            Field.of("activities.0.userId", TEXT).atMost(200), Field.of("activities.0.summaryId", TEXT).atMost(200),
            Field.of("activities.0.activityType", TEXT).atMost(200),
            Field.of("activities.0.startTimeInSeconds", INTEGER).between(946_684_800L, 4_102_444_800L),
            Field.optional("activities.0.startTimeOffsetInSeconds", INTEGER).between(-64_800, 64_800),
            Field.of("activities.0.durationInSeconds", INTEGER).between(1, 86_400),
            Field.optional("activities.0.distanceInMeters", NUMBER).between(0, 500_000),
            Field.optional("activities.0.averageHeartRateInBeatsPerMinute", INTEGER).between(20, 250));

    private static final List<Field> POLAR = List.of(Field.of("user_id", INTEGER).atLeast(1),
            Field.of("entity_id", TEXT).atMost(200), Field.of("timestamp", TIMESTAMP), Field.of("url", TEXT).atMost(2000));

    @TestHTTPResource("/")
    URL base;

    @Test
    void everyEndpointAndWebhookRefusesEveryBadInputCleanly() throws Exception {
        Config config = ConfigProvider.getConfig();
        Map<String, String> admin = Map.of("Authorization", "Bearer " + Tokens.admin());
        String activity = activity(RUNNER);
        String generic = generic("gen-user-1", "gen-act-1");
        String strava = "{\"object_type\": \"activity\", \"object_id\": 1234567, \"aspect_type\": \"create\","
                + " \"owner_id\": 424242, \"subscription_id\": 120475, \"event_time\": 1764237600, \"updates\": {}}";
        String garmin = """
                {"activities": [{"userId": "garmin-user-1", "summaryId": "g-1", "activityType": "RUNNING",
                 "startTimeInSeconds": 1764237600, "startTimeOffsetInSeconds": 3600, "durationInSeconds": 1800,
                 "distanceInMeters": 5000.0, "averageHeartRateInBeatsPerMinute": 140}]}""";
        String polar = ("{\"event\": \"EXERCISE\", \"user_id\": 777, \"entity_id\": \"EX1\", \"timestamp\":"
                + " \"2026-11-27T10:00:00Z\", \"url\": \"%s/v3/exercises/EX1\"}")
                .formatted(config.getValue("rebound.activity.polar.base-url", String.class));
        String link = "{\"provider\": \"strava\", \"providerUserId\": \"55555\", \"accessToken\": \"tok-1\"}";

        // Each good body is accepted, so every case below differs from an accepted request in one thing.
        String activityId = accepted(Request.json("POST", "/api/v1/activities", activity, admin));
        accepted(Request.json("POST", "/api/v1/runners/" + RUNNER + "/links", link, admin));
        String authorization = "{\"redirectUri\": \"http://localhost:8080/devices/callback/garmin\", \"state\": \"s-1\","
                + " \"codeChallenge\": \"E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM\"}";
        String authorize = "/api/v1/runners/" + RUNNER + "/connections/garmin/authorization";
        accepted(Request.json("POST", authorize, authorization, admin));
        accepted(signedGeneric(generic));
        accepted(Request.json("POST", "/api/v1/webhooks/strava", strava, Map.of()));
        accepted(Request.json("POST", garminUrl(), garmin, Map.of()));
        accepted(signedPolar(polar));
        accepted(Request.of("GET", "/api/v1/runners/" + RUNNER + "/activities?limit=5", admin));
        accepted(Request.json("PUT", "/api/v1/runners/" + RUNNER + "/activities/" + activityId, activity, admin));

        try (BadInputRun run = new BadInputRun("activity-service", base.toURI(),
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class))) {
            run.awaitQuiet(Duration.ofSeconds(60));

            List<BadInput.Case> activityCases = new java.util.ArrayList<>(BadInput.all(activity, JSON_LIMIT, ACTIVITY));
            activityCases.addAll(BadInput.types(activity, ACTIVITY));
            for (BadInput.Case bad : activityCases) {
                run.refused(bad, Request.json("POST", "/api/v1/activities", bad.body(), admin));
            }
            // Refused by the HTTP layer rather than a resource, and still problem+json.
            run.refused(new BadInput.Case("activity over the limit, sent without a length", null, ""),
                    Request.chunked("POST", "/api/v1/activities", BadInput.padded(activity, JSON_LIMIT + 1), admin));
            run.refused(new BadInput.Case("activity of 2 MiB, sent without a length", null, ""),
                    Request.chunked("POST", "/api/v1/activities", BadInput.padded(activity, 2 * 1024 * 1024), admin));
            run.refused(new BadInput.Case("activity without a Content-Type", null, ""), new Request("POST",
                    "/api/v1/activities", admin, activity.getBytes(StandardCharsets.UTF_8)));
            run.refused(new BadInput.Case("strava handshake with a 10,000-character query", null, ""), Request.of("GET",
                    "/api/v1/webhooks/strava?hub.mode=subscribe&hub.verify_token=x&hub.challenge=" + "c".repeat(10_000),
                    Map.of()));
            String one = "/api/v1/runners/" + RUNNER + "/activities/" + activityId;
            for (BadInput.Case bad : activityCases) {
                run.refused(bad, Request.json("PUT", one, bad.body(), admin));
            }
            run.refused(new BadInput.Case("runnerId moved to another runner", "runnerId", activity(RUNNER + "x")),
                    Request.json("PUT", one, activity(RUNNER + "x"), admin));
            for (String id : BAD_PATH_IDS) {
                BadInput.Case bad = new BadInput.Case("runnerId " + id, "runnerId", activity);
                run.refused(bad, Request.of("GET", "/api/v1/runners/" + id + "/activities", admin));
                run.refused(bad, Request.json("PUT", "/api/v1/runners/" + id + "/activities/" + activityId, activity, admin));
                run.refused(bad, Request.of("DELETE", "/api/v1/runners/" + id + "/activities/" + activityId, admin));
                run.refused(bad, Request.json("POST", "/api/v1/runners/" + id + "/links", link, admin));
                run.refused(bad, upload("/api/v1/runners/" + id + "/activities/files", "run.gpx", gpx(), admin));
            }
            for (String limit : List.of("0", "-1", "1001", "abc", "NaN", "1e3", "99999999999", "%00", "2.5")) {
                run.refused(new BadInput.Case("limit " + limit, "limit", ""),
                        Request.of("GET", "/api/v1/runners/" + RUNNER + "/activities?limit=" + limit, admin));
            }
            for (String id : List.of("not-a-uuid", "1", "00000000-0000-0000-0000-00000000000g", "%00", "..%2F..")) {
                BadInput.Case bad = new BadInput.Case("activityId " + id, null, activity);
                run.refused(bad, Request.of("GET", "/api/v1/runners/" + RUNNER + "/activities/" + id, admin));
                run.refused(bad, Request.json("PUT", "/api/v1/runners/" + RUNNER + "/activities/" + id, activity, admin));
                run.refused(bad, Request.of("DELETE", "/api/v1/runners/" + RUNNER + "/activities/" + id, admin));
            }
            run.refused(new BadInput.Case("activity of nobody's", null, activity), Request.json("PUT",
                    "/api/v1/runners/" + RUNNER + "/activities/" + UUID.randomUUID(), activity, admin));

            List<BadInput.Case> linkCases = new java.util.ArrayList<>(BadInput.all(link, JSON_LIMIT, LINK));
            linkCases.addAll(BadInput.types(link, LINK));
            for (BadInput.Case bad : linkCases) {
                run.refused(bad, Request.json("POST", "/api/v1/runners/" + RUNNER + "/links", bad.body(), admin));
            }
            List<BadInput.Case> authorizationCases = new java.util.ArrayList<>(
                    BadInput.all(authorization, JSON_LIMIT, AUTHORIZATION));
            authorizationCases.addAll(BadInput.types(authorization, AUTHORIZATION));
            for (BadInput.Case bad : authorizationCases) {
                run.refused(bad, Request.json("POST", authorize, bad.body(), admin));
            }

            String files = "/api/v1/runners/" + RUNNER + "/activities/files";
            run.refused(new BadInput.Case("upload without a file part", "file", ""),
                    multipart(files, "other", "x.gpx", gpx(), admin));
            run.refused(new BadInput.Case("upload of an empty file", null, ""), upload(files, "run.gpx", new byte[0], admin));
            run.refused(new BadInput.Case("upload of garbage", null, ""),
                    upload(files, "run.fit", "not a fit file at all".getBytes(StandardCharsets.UTF_8), admin));
            run.refused(new BadInput.Case("upload of a GPX from year 9999", null, ""),
                    upload(files, "run.gpx", gpx("2026-11-20", "9999-11-20"), admin));
            run.refused(new BadInput.Case("upload of a GPX from year 1900", null, ""),
                    upload(files, "run.gpx", gpx("2026-11-20", "1900-11-20"), admin));
            run.refused(new BadInput.Case("upload of a GPX with NUL", null, ""),
                    upload(files, "run.gpx", gpx("running", "run\u0000ning"), admin));
            Request upload = upload(files, "run.gpx", gpx(), admin);
            run.refused(new BadInput.Case("upload whose boundary is not the body's", null, ""), new Request("POST", files,
                    merged(upload.headers(), Map.of("Content-Type", "multipart/form-data; boundary=not-the-one")),
                    upload.body()));
            run.refused(new BadInput.Case("upload as plain text", null, ""), new Request("POST", files,
                    merged(admin, Map.of("Content-Type", "text/plain")), gpx()));
            run.refused(new BadInput.Case("upload over 25 MiB", null, ""),
                    upload(files, "big.gpx", new byte[(int) UPLOAD_LIMIT + 1024], admin));

            for (BadInput.Case bad : BadInput.all(generic, JSON_LIMIT, GENERIC)) {
                run.refused(bad, signedGeneric(bad.body()));
            }
            run.refused(new BadInput.Case("generic unsigned", null, generic),
                    Request.json("POST", "/api/v1/webhooks/generic", generic, Map.of()));
            run.refused(new BadInput.Case("generic with a stale timestamp", null, generic), signedGeneric(generic,
                    Instant.now().minusSeconds(3600)));
            run.refused(new BadInput.Case("generic from the far future", null, generic), signedGeneric(generic,
                    Instant.parse("9999-01-01T00:00:00Z")));

            for (BadInput.Case bad : BadInput.all(strava, JSON_LIMIT, STRAVA)) {
                run.refused(bad, Request.json("POST", "/api/v1/webhooks/strava", bad.body(), Map.of()));
            }
            run.refused(new BadInput.Case("strava handshake with the wrong token", null, ""), Request.of("GET",
                    "/api/v1/webhooks/strava?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=x", Map.of()));

            for (BadInput.Case bad : BadInput.all(garmin, JSON_LIMIT, GARMIN)) {
                run.refused(bad, Request.json("POST", garminUrl(), bad.body(), Map.of()));
            }
            run.refused(new BadInput.Case("garmin push without our secret", null, garmin),
                    Request.json("POST", "/api/v1/webhooks/garmin", garmin, Map.of()));
            run.refused(new BadInput.Case("garmin push with another secret", null, garmin),
                    Request.json("POST", "/api/v1/webhooks/garmin/" + "g".repeat(40), garmin, Map.of()));
            run.refused(new BadInput.Case("strava event of another subscription", "subscription_id",
                    strava.replace("120475", "120476")), Request.json("POST", "/api/v1/webhooks/strava",
                    strava.replace("120475", "120476"), Map.of()));

            for (BadInput.Case bad : BadInput.all(polar, JSON_LIMIT, POLAR)) {
                run.refused(bad, signedPolar(bad.body()));
            }
            String elsewhere = polar.replaceAll("\"url\": \"[^\"]*\"", "\"url\": \"http://169.254.169.254/latest\"");
            run.refused(new BadInput.Case("polar url outside Polar's API", "url", elsewhere), signedPolar(elsewhere));
            run.refused(new BadInput.Case("polar unsigned", null, polar),
                    Request.json("POST", "/api/v1/webhooks/polar", polar, Map.of()));

            run.finish();
            assertThat(run.tried()).isGreaterThan(300);
        }
        // A bad summary is refused on its own, naming its field, and the push is answered 200 (Garmin re-sends a push
        // only on another status, which would re-send the good summaries beside it for ever).
        List<String> wrong = new java.util.ArrayList<>();
        List<BadInput.Case> summaries = BadInput.fields(garmin, GARMIN_SUMMARY);
        for (BadInput.Case bad : summaries) {
            io.restassured.response.Response answer = io.restassured.RestAssured.given()
                    .contentType(io.restassured.http.ContentType.JSON).body(bad.body()).post(garminUrl());
            String leaf = bad.field().substring(bad.field().lastIndexOf('.') + 1);
            // A value JSON has no word for (NaN, hex) makes the body no JSON document at all: refused whole.
            boolean noJson = answer.statusCode() == 400 && "Malformed JSON".equals(answer.path("title"))
                    && String.valueOf((Object) answer.path("errors[0].field")).endsWith(leaf);
            boolean refusedAlone = answer.statusCode() == 200 && "refused".equals(answer.path("outcomes[0]"))
                    && String.valueOf((Object) answer.path("refused[0].field")).endsWith(leaf);
            if (!noJson && !refusedAlone) {
                wrong.add(bad.name() + ": " + answer.statusCode() + " " + answer.asString());
            }
        }
        assertThat(wrong).as("of %d bad summaries", summaries.size()).isEmpty();
        assertThat(summaries).hasSizeGreaterThan(40);
    }

    private static String garminUrl() {
        return "/api/v1/webhooks/garmin/" + ConfigProvider.getConfig().getValue("rebound.activity.garmin.push-secret", String.class);
    }

    private String accepted(Request request) throws Exception {
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"activityId\"\\s*:\\s*\"([0-9a-f-]{36})\"")
                .matcher(BadInputRun.accepted(base.toURI(), request));
        return id.find() ? id.group(1) : null;
    }

    private static String activity(String runner) {
        return """
                {"runnerId": "%s", "sport": "run", "startTime": "2026-11-03T07:15:00-06:00", "durationSeconds": 1800,
                 "distanceMetres": 5000.5, "perceivedEffort": 4, "averageHeartRate": 141, "strides": true}
                """.formatted(runner);
    }

    private static String generic(String user, String activity) {
        return """
                {"type": "activity.created", "timestamp": "2026-11-27T10:00:00Z", "data": {"userId": "%s",
                 "activityId": "%s", "sport": "run", "startTime": "2026-11-26T07:00:00+01:00", "durationSeconds": 1800,
                 "distanceMetres": 5000, "averageHeartRate": 140}}
                """.formatted(user, activity);
    }

    private static Request signedGeneric(String body) {
        return signedGeneric(body, Instant.now());
    }

    private static Request signedGeneric(String body, Instant at) {
        String secret = ConfigProvider.getConfig().getValue("rebound.activity.webhook.generic.secrets", String.class);
        String id = "msg_" + UUID.randomUUID();
        long seconds = at.getEpochSecond();
        return Request.json("POST", "/api/v1/webhooks/generic", body, Map.of("webhook-id", id,
                "webhook-timestamp", Long.toString(seconds),
                "webhook-signature", StandardWebhookVerifier.sign(secret, id, seconds, body.getBytes(StandardCharsets.UTF_8))));
    }

    private static Request signedPolar(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(ConfigProvider.getConfig().getValue("rebound.activity.polar.webhook-secret", String.class)
                .getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Request.json("POST", "/api/v1/webhooks/polar", body, Map.of("Polar-Webhook-Event", "EXERCISE",
                "Polar-Webhook-Signature", HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)))));
    }

    private static byte[] gpx() {
        return gpx("", "");
    }

    /** A small good GPX run with one piece of its text replaced. */
    private static byte[] gpx(String from, String to) {
        String gpx = """
                <?xml version="1.0" encoding="UTF-8"?>
                <gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
                  <trk><type>running</type><trkseg>
                    <trkpt lat="47.000" lon="8.0"><time>2026-11-20T06:00:00Z</time></trkpt>
                    <trkpt lat="47.010" lon="8.0"><time>2026-11-20T06:06:00Z</time></trkpt>
                  </trkseg></trk>
                </gpx>
                """;
        return (from.isEmpty() ? gpx : gpx.replace(from, to)).getBytes(StandardCharsets.UTF_8);
    }

    private static Request upload(String path, String filename, byte[] content, Map<String, String> headers) {
        return multipart(path, "file", filename, content, headers);
    }

    private static Request multipart(String path, String part, String filename, byte[] content,
            Map<String, String> headers) {
        String boundary = "b" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Request("POST", path, merged(headers, Map.of("Content-Type", "multipart/form-data; boundary=" + boundary)),
                body.toByteArray());
    }

    private static Map<String, String> merged(Map<String, String> a, Map<String, String> b) {
        Map<String, String> all = new LinkedHashMap<>(a);
        all.putAll(b);
        return all;
    }
}
