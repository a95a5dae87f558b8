package io.rebound.plan;

import static io.rebound.devstack.BadInput.Field;
import static io.rebound.devstack.BadInput.Kind.BOOLEAN;
import static io.rebound.devstack.BadInput.Kind.DATE;
import static io.rebound.devstack.BadInput.Kind.EMAIL;
import static io.rebound.devstack.BadInput.Kind.ENUM;
import static io.rebound.devstack.BadInput.Kind.ID;
import static io.rebound.devstack.BadInput.Kind.INTEGER;
import static io.rebound.devstack.BadInput.Kind.NUMBER;
import static io.rebound.devstack.BadInput.Kind.OBJECT;
import static io.rebound.devstack.BadInput.Kind.TEXT;
import static io.rebound.devstack.BadInput.Kind.ZONE;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rebound.devstack.BadInput;
import io.rebound.devstack.BadInputRun;
import io.rebound.devstack.BadInputRun.Request;
import io.rebound.devstack.DevstackResource;
import io.rebound.devstack.InfraAvailable;
import io.rebound.devstack.Tokens;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

        try (BadInputRun run = new BadInputRun("plan-service", base.toURI(),
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class))) {
            run.awaitQuiet(Duration.ofSeconds(60));

            String freshRunner = runner();
            String fresh = plan(freshRunner);
            for (BadInput.Case bad : BadInput.all(fresh, JSON_LIMIT, PLAN)) {
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

            String capsPath = "/api/v1/plans/" + target + "/caps";
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

            run.finish();
            assertThat(run.tried()).isGreaterThan(300);
        }
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

    private void accepted(Request request) throws Exception {
        BadInputRun.accepted(base.toURI(), request);
    }
}
