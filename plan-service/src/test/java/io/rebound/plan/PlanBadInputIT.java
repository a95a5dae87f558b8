package io.rebound.plan;

import static io.rebound.testkit.BadInput.Field;
import static io.rebound.testkit.BadInput.Kind.BOOLEAN;
import static io.rebound.testkit.BadInput.Kind.DATE;
import static io.rebound.testkit.BadInput.Kind.EMAIL;
import static io.rebound.testkit.BadInput.Kind.ENUM;
import static io.rebound.testkit.BadInput.Kind.ID;
import static io.rebound.testkit.BadInput.Kind.INTEGER;
import static io.rebound.testkit.BadInput.Kind.NUMBER;
import static io.rebound.testkit.BadInput.Kind.OBJECT;
import static io.rebound.testkit.BadInput.Kind.TEXT;
import static io.rebound.testkit.BadInput.Kind.ZONE;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rebound.testkit.BadInput;
import io.rebound.testkit.BadInputRun;
import io.rebound.testkit.BadInputRun.Request;
import io.rebound.testkit.DevstackResource;
import io.rebound.testkit.InfraAvailable;
import io.rebound.infrastructure.Tokens;
import io.rebound.events.EventJson;
import io.rebound.events.OverloadAlertRaised;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every /api endpoint of plan-service, sent a table of bad requests (devstack's {@link BadInput}) with an admin
 * token: each must be a 4xx problem+json naming the field, leave the service ready, and write no row anywhere.
 */
@QuarkusTest
@ExtendWith(InfraAvailable.class)
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "plan"))
class PlanBadInputIT {

    private static final long JSON_LIMIT = 256 * 1024;

    private static final List<String> BAD_PATH_IDS = List.of("sam%20smith", "r".repeat(65), "sam%E2%80%AEgnp",
            "sa%E2%80%8Bm", "sam%00", "%F0%9F%8F%83", "..%2F..%2Fetc", "-leading-dash",
            "%27%3B%20DROP%20TABLE%20plan%3B--", "%C0%AF", "%EF%BC%B3am");

    private static final List<Field> PLAN = List.of(Field.of("runnerId", ID), Field.of("raceDate", DATE),
            Field.of("timeZone", ZONE), Field.optional("peakWeek", OBJECT),
            Field.of("peakWeek.distance", NUMBER).between(0.001, 500), Field.of("peakWeek.unit", ENUM),
            Field.optional("distanceUnit", ENUM), Field.optional("maxHeartRate", INTEGER).between(100, 240),
            Field.of("runner", OBJECT), Field.of("runner.name", TEXT).atMost(100), Field.of("runner.email", EMAIL),
            Field.optional("runner.timeZone", ZONE), Field.of("physicalTherapist", OBJECT),
            Field.of("physicalTherapist.name", TEXT).atMost(100), Field.of("physicalTherapist.email", EMAIL),
            Field.optional("physicalTherapist.timeZone", ZONE), Field.optional("physicalTherapist.id", ID));

    private static final List<Field> CAPS = List.of(Field.of("changedBy", TEXT).atMost(100),
            Field.of("reason", TEXT).atMost(500), Field.optional("phases", OBJECT),
            Field.optional("phases.REBUILD.singleRunMetres", NUMBER).between(0.001, 100_000),
            Field.optional("phases.REBUILD.crossTrainingSessionMinutes", INTEGER).atLeast(1),
            Field.optional("phases.REBUILD.runDaysHard", INTEGER).atLeast(0),
            Field.optional("phases.REBUILD.volumeHardShare", NUMBER).between(0, 2),
            Field.optional("phases.REBUILD.runIntensityMax", ENUM),
            Field.optional("phases.REBUILD.stridesAllowed", BOOLEAN),
            Field.optional("afterPlan", OBJECT), Field.optional("afterPlan.acwrWarning", NUMBER).atLeast(0.001),
            Field.optional("injured", BOOLEAN));

    private static final List<Field> ACKNOWLEDGEMENT = List.of(Field.optional("note", TEXT).atMost(1000));

    private static final List<String> BAD_LIMITS = List.of("0", "-1", "1001", "abc", "NaN", "1e3", "99999999999", "%00",
            "2.5");

    private static final List<String> BAD_ALERT_IDS = List.of("not-a-uuid", "1", "00000000-0000-0000-0000-00000000000g",
            "%00", "..%2F..");

    @TestHTTPResource("/")
    URL base;

    @Test
    void everyEndpointRefusesEveryBadInputCleanly() throws Exception {
        Config config = ConfigProvider.getConfig();
        Map<String, String> admin = Map.of("Authorization", "Bearer " + Tokens.admin());
        String sample = runner();
        String target = runner();
        String caps = """
                {"changedBy": "Dr. Lee", "reason": "knee is sore", "phases": {"REBUILD": {"singleRunMetres": 9000,
                 "crossTrainingSessionMinutes": 40, "runDaysHard": 4, "volumeHardShare": 0.9,
                 "runIntensityMax": "EASY", "stridesAllowed": false}}, "afterPlan": {"acwrWarning": 1.3},
                 "injured": false}""";

        // The good bodies are accepted; the bad ones then go to a runner with a plan (caps) or without one (create).
        accepted(Request.json("POST", "/api/v1/plans", plan(sample), admin));
        accepted(Request.json("POST", "/api/v1/plans", plan(target), admin));
        accepted(Request.json("PATCH", "/api/v1/plans/" + sample + "/caps", caps, admin));
        for (String path : List.of("/api/v1/plans/", "/api/v1/runners/")) {
            accepted(Request.of("GET", path + sample + (path.endsWith("plans/") ? "" : "/today"), admin));
        }
        accepted(Request.of("GET", "/api/v1/plans?limit=1000", admin));
        accepted(Request.of("GET", "/api/v1/alerts?runnerId=" + sample + "&severity=WARNING&state=open&limit=1000", admin));
        accepted(Request.of("GET", "/api/v1/runners/" + sample + "/activities?limit=1000", admin));
        // Two runners who run on day 2, each raising an OVERLOAD: one acknowledged well, the other sent bad bodies.
        String acknowledgement = "{\"note\": \"Spoke to the runner: walks only until day 8.\"}";
        String sampleAlert;
        String targetAlert;
        try (Feed first = new Feed(); Feed second = new Feed()) {
            first.plan(5, 40.0);
            second.plan(5, 40.0);
            first.run(5, 2, 5000);
            second.run(5, 2, 5000);
            sampleAlert = alertId(first.alerts(1, Duration.ofSeconds(30)));
            targetAlert = alertId(second.alerts(1, Duration.ofSeconds(30)));
        }
        accepted(Request.of("GET", "/api/v1/alerts/" + targetAlert, admin));
        accepted(Request.json("POST", "/api/v1/alerts/" + sampleAlert + "/acknowledgement", acknowledgement, admin));

        try (BadInputRun run = new BadInputRun("plan-service", base.toURI(),
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class))) {
            run.awaitQuiet(Duration.ofSeconds(60));

            String freshRunner = runner();
            String fresh = plan(freshRunner);
            List<BadInput.Case> planCases = new java.util.ArrayList<>(BadInput.all(fresh, JSON_LIMIT, PLAN));
            planCases.addAll(BadInput.types(fresh, PLAN));
            for (BadInput.Case bad : planCases) {
                // Each case for a runner of its own: one let through must not turn the rest into 409s.
                run.refused(bad, Request.json("POST", "/api/v1/plans", bad.body().replace(freshRunner, runner()), admin));
            }
            run.refused(new BadInput.Case("no peakWeek and no distanceUnit", "distanceUnit",
                    BadInput.without(BadInput.without(fresh, "peakWeek"), "distanceUnit")), Request.json("POST",
                    "/api/v1/plans", BadInput.without(BadInput.without(fresh, "peakWeek"), "distanceUnit"), admin));
            run.refused(new BadInput.Case("race 20 years ago", "raceDate", ""), Request.json("POST", "/api/v1/plans",
                    BadInput.raw(fresh, "raceDate", "\"" + LocalDate.now().minusYears(20) + "\""), admin));
            run.refused(new BadInput.Case("race in 20 years", "raceDate", ""), Request.json("POST", "/api/v1/plans",
                    BadInput.raw(fresh, "raceDate", "\"" + LocalDate.now().plusYears(20) + "\""), admin));
            run.refused(new BadInput.Case("zone as an offset", "timeZone", ""), Request.json("POST", "/api/v1/plans",
                    BadInput.raw(fresh, "timeZone", "\"+02:00\""), admin));

            // Refused by the HTTP layer rather than a resource, and still problem+json.
            run.refused(new BadInput.Case("plan over the limit, sent without a length", null, ""),
                    Request.chunked("POST", "/api/v1/plans", BadInput.padded(fresh.replace(freshRunner, runner()),
                            JSON_LIMIT + 1), admin));
            run.refused(new BadInput.Case("plan without a Content-Type", null, ""), new Request("POST", "/api/v1/plans",
                    admin, fresh.replace(freshRunner, runner()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            run.refused(new BadInput.Case("plan as text/plain", null, ""), Request.json("POST", "/api/v1/plans",
                    fresh.replace(freshRunner, runner()), merged(admin, Map.of("Content-Type", "text/plain"))));
            run.refused(new BadInput.Case("plans asked for as CSV", null, ""),
                    Request.of("GET", "/api/v1/plans/" + sample, merged(admin, Map.of("Accept", "text/csv"))));
            run.refused(new BadInput.Case("a method plans do not have", null, ""),
                    Request.json("PUT", "/api/v1/plans/" + sample + "/caps", caps, admin));
            run.refused(new BadInput.Case("a path no resource has", null, ""),
                    Request.of("GET", "/api/v1/nothing-here", admin));
            run.refused(new BadInput.Case("a 10,000-character query", null, ""),
                    Request.of("GET", "/api/v1/plans?limit=5&x=" + "x".repeat(10_000), admin));

            String capsPath = "/api/v1/plans/" + target + "/caps";
            run.refused(new BadInput.Case("caps of 2 MiB, sent without a length", null, ""),
                    Request.chunked("PATCH", capsPath, BadInput.padded(caps, 2 * 1024 * 1024), admin));
            for (BadInput.Case bad : BadInput.types(caps, CAPS)) {
                run.refused(bad, Request.json("PATCH", capsPath, bad.body(), admin));
            }
            for (BadInput.Case bad : BadInput.all(caps, JSON_LIMIT, CAPS)) {
                run.refused(bad, Request.json("PATCH", capsPath, bad.body(), admin));
            }
            for (String phase : List.of("TELEPORT", "rest\\u0000", "", "AFTER")) {
                String body = "{\"changedBy\": \"Dr. Lee\", \"reason\": \"r\", \"phases\": {\"" + phase + "\": {\"runDaysHard\": 1}}}";
                run.refused(new BadInput.Case("phase '" + phase + "'", "phases", body), Request.json("PATCH", capsPath, body, admin));
            }
            String softAboveHard = "{\"changedBy\": \"Dr. Lee\", \"reason\": \"r\", \"phases\": {\"REBUILD\":"
                    + " {\"runDaysSoft\": 5, \"runDaysHard\": 2}}}";
            run.refused(new BadInput.Case("soft above hard", "runDaysSoft", softAboveHard),
                    Request.json("PATCH", capsPath, softAboveHard, admin));

            for (String id : BAD_PATH_IDS) {
                BadInput.Case bad = new BadInput.Case("runnerId " + id, "runnerId", "");
                run.refused(bad, Request.of("GET", "/api/v1/plans/" + id, admin));
                run.refused(bad, Request.of("GET", "/api/v1/plans/" + id + "/caps", admin));
                run.refused(bad, Request.json("PATCH", "/api/v1/plans/" + id + "/caps", caps, admin));
                run.refused(bad, Request.of("GET", "/api/v1/runners/" + id + "/today", admin));
                run.refused(bad, Request.of("GET", "/api/v1/runners/" + id + "/findings", admin));
            }
            for (String path : List.of("/api/v1/plans/%s", "/api/v1/plans/%s/caps", "/api/v1/runners/%s/today",
                    "/api/v1/runners/%s/findings")) {
                run.refused(new BadInput.Case("a runner without a plan", null, ""),
                        Request.of("GET", path.formatted(runner()), admin));
            }
            run.refused(new BadInput.Case("caps of a runner without a plan", null, caps),
                    Request.json("PATCH", "/api/v1/plans/" + runner() + "/caps", caps, admin));

            String acknowledge = "/api/v1/alerts/" + targetAlert + "/acknowledgement";
            List<BadInput.Case> acknowledgementCases = new java.util.ArrayList<>(
                    BadInput.all(acknowledgement, JSON_LIMIT, ACKNOWLEDGEMENT));
            acknowledgementCases.addAll(BadInput.types(acknowledgement, ACKNOWLEDGEMENT));
            for (BadInput.Case bad : acknowledgementCases) {
                run.refused(bad, Request.json("POST", acknowledge, bad.body(), admin));
            }
            run.refused(new BadInput.Case("an alert acknowledged already", null, acknowledgement),
                    Request.json("POST", "/api/v1/alerts/" + sampleAlert + "/acknowledgement", acknowledgement, admin));
            run.refused(new BadInput.Case("an alert that does not exist", null, acknowledgement), Request.json("POST",
                    "/api/v1/alerts/" + UUID.randomUUID() + "/acknowledgement", acknowledgement, admin));
            run.refused(new BadInput.Case("an alert that does not exist", null, ""),
                    Request.of("GET", "/api/v1/alerts/" + UUID.randomUUID(), admin));
            for (String id : BAD_ALERT_IDS) {
                BadInput.Case bad = new BadInput.Case("alertId " + id, null, acknowledgement);
                run.refused(bad, Request.of("GET", "/api/v1/alerts/" + id, admin));
                run.refused(bad, Request.json("POST", "/api/v1/alerts/" + id + "/acknowledgement", acknowledgement, admin));
            }
            for (String limit : BAD_LIMITS) {
                BadInput.Case bad = new BadInput.Case("limit " + limit, "limit", "");
                run.refused(bad, Request.of("GET", "/api/v1/plans?limit=" + limit, admin));
                run.refused(bad, Request.of("GET", "/api/v1/alerts?limit=" + limit, admin));
                run.refused(bad, Request.of("GET", "/api/v1/runners/" + sample + "/activities?limit=" + limit, admin));
            }
            for (String severity : List.of("ADVISORY", "warning", "SEVERE", "%00", "OVERLOAD%E2%80%8B", "1")) {
                run.refused(new BadInput.Case("severity " + severity, "severity", ""),
                        Request.of("GET", "/api/v1/alerts?severity=" + severity, admin));
            }
            for (String state : List.of("OPEN", "closed", "raised", "%00", "open%E2%80%AE", "1")) {
                run.refused(new BadInput.Case("state " + state, "state", ""),
                        Request.of("GET", "/api/v1/alerts?state=" + state, admin));
            }
            for (String id : BAD_PATH_IDS) {
                BadInput.Case bad = new BadInput.Case("runnerId " + id, "runnerId", "");
                run.refused(bad, Request.of("GET", "/api/v1/alerts?runnerId=" + id, admin));
                run.refused(bad, Request.of("GET", "/api/v1/runners/" + id + "/activities", admin));
            }
            run.refused(new BadInput.Case("activities of a runner without a plan", null, ""),
                    Request.of("GET", "/api/v1/runners/" + runner() + "/activities", admin));

            run.finish();
            assertThat(run.tried()).isGreaterThan(300);
        }
    }

    /** The id of the one alert among the records, read as the raised alert it must be. */
    private static String alertId(List<ConsumerRecord<String, String>> records) {
        assertThat(records).hasSize(1);
        return EventJson.read(records.get(0).value(), OverloadAlertRaised.TYPE).alertId().toString();
    }

    private static String runner() {
        return "bad-input-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String plan(String runner) {
        return """
                {"runnerId": "%s", "raceDate": "%s", "timeZone": "America/Chicago",
                 "peakWeek": {"distance": 50, "unit": "mi"}, "distanceUnit": "mi", "maxHeartRate": 185,
                 "runner": {"name": "Ana Runner", "email": "ana@example.org", "timeZone": "America/Chicago"},
                 "physicalTherapist": {"name": "Dr. Lee", "email": "lee@clinic.example.org",
                  "timeZone": "Europe/Berlin", "id": "pt-lee"}}
                """.formatted(runner, LocalDate.now().minusDays(3));
    }

    private static Map<String, String> merged(Map<String, String> a, Map<String, String> b) {
        Map<String, String> all = new java.util.LinkedHashMap<>(a);
        all.putAll(b);
        return all;
    }

    private void accepted(Request request) throws Exception {
        BadInputRun.accepted(base.toURI(), request);
    }
}
