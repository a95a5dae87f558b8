package io.rebound.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A runner of one test run, with addresses no other test uses. */
record Runner(String id) {

    static final ZoneId ZONE = ZoneId.of("America/Chicago");

    static Runner create() {
        return create("e2e");
    }

    /** A runner whose id starts with {@code prefix}, so one test can find its own among everyone's. */
    static Runner create(String prefix) {
        return new Runner(prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    String email() {
        return id + "@runners.example.org";
    }

    String ptEmail() {
        return "pt-" + id + "@clinic.example.org";
    }

    /** The runner creates their own plan, with their own token. */
    void createPlan(RunningSystem system, LocalDate raceDate) throws Exception {
        createPlan(system, raceDate, null);
    }

    /** @param ptId the PT's own id at the clinic's identity provider, or null to name the PT by email only */
    void createPlan(RunningSystem system, LocalDate raceDate, String ptId) throws Exception {
        String body = """
                {"runnerId": "%s", "raceDate": "%s", "timeZone": "%s",
                 "peakWeek": {"distance": 45, "unit": "mi"},
                 "runner": {"name": "Sam Strider", "email": "%s"},
                 "physicalTherapist": {"name": "Dr. Ortiz", "email": "%s"%s}}
                """.formatted(id, raceDate, ZONE.getId(), email(), ptEmail(),
                ptId == null ? "" : ", \"id\": \"" + ptId + "\"");
        assertThat(RestClient.postJson(system.plan().baseUrl() + "/api/v1/plans", body, system.runnerToken(id)).statusCode())
                .isEqualTo(201);
    }

    /** A plan whose race was two days ago: any run today is in the Rest phase and raises exactly one OVERLOAD alert. */
    void createPlanInRestPhase(RunningSystem system) throws Exception {
        createPlan(system, LocalDate.now(ZONE).minusDays(2));
    }

    /** Ties this runner to a user of the generic (Standard Webhooks) provider: {@link #webhookUserId()}. */
    void linkWebhookUser(RunningSystem system) throws Exception {
        String link = "{\"provider\": \"webhook\", \"providerUserId\": \"" + webhookUserId() + "\"}";
        // Linking by id is for admins: a runner connects through the provider's OAuth instead.
        assertThat(RestClient.postJson(system.activity().baseUrl() + "/api/v1/runners/" + id + "/links", link,
                system.adminToken()).statusCode()).isEqualTo(201);
    }

    String webhookUserId() {
        return "w-" + id;
    }

    /** 5 km, started a minute after local midnight today, so it is on today's local date whatever the hour. */
    String fiveKilometreRunToday() {
        return """
                {"runnerId": "%s", "sport": "run", "startTime": "%s", "durationSeconds": 1800, "distanceMetres": 5000}
                """.formatted(id, startToday());
    }

    /** A minute after local midnight today. */
    static String startToday() {
        return ZonedDateTime.now(ZONE).truncatedTo(ChronoUnit.DAYS).plusMinutes(1).toOffsetDateTime().toString();
    }
}
