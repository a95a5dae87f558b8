package io.rebound.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rebound.infrastructure.Keycloak;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code ./rebound demo}: replays a runner who overdoes week two against the running system, as their watch and
 * their PT would, and prints the alerts that result and where to read the emails and the PT's inbox. The runner is the
 * realm's demo user {@code sam} (runnerId {@code demo-runner}), their PT {@code ortiz} ({@code pt-demo}); the runner
 * signs in at Keycloak ({@code REBOUND_KEYCLOAK_URL}, else the {@code keycloak.url} of {@code ./rebound up}'s
 * endpoints file, else http://localhost:8180).
 */
public final class Demo {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final double MILE = 1609.344;

    private final String activities;
    private final String plans;
    private final String notifications;
    private final String mailbox;
    private final String keycloak;
    private final String web;
    private final ZoneId zone = ZoneId.systemDefault();
    /** The realm's demo runner (user {@code sam}) and PT (user {@code ortiz}): see rebound-realm.json. */
    private final String runner = "demo-runner";
    private static final String RUNNER_USER = "sam";
    private static final String PT_ID = "pt-demo";
    private static final String PT_USER = "ortiz";
    private String runnerToken;

    private Demo(String activities, String plans, String notifications, String mailbox, String keycloak, String web) {
        this.activities = activities;
        this.plans = plans;
        this.notifications = notifications;
        this.mailbox = mailbox;
        this.keycloak = keycloak;
        this.web = web;
    }

    public static void main(String[] args) throws Exception {
        Demo demo = new Demo(setting("REBOUND_ACTIVITY_URL", "http://localhost:8081"), setting("REBOUND_PLAN_URL", "http://localhost:8082"),
                setting("REBOUND_NOTIFICATION_URL", "http://localhost:8083"), setting("REBOUND_MAILBOX_URL", "http://localhost:8025"),
                setting("REBOUND_KEYCLOAK_URL", fromEndpointsFile("keycloak.url", "http://localhost:8180")),
                setting("REBOUND_WEB_URL", "http://localhost:8080"));
        if (!demo.run()) {
            System.exit(1);
        }
    }

    private boolean run() throws Exception {
        runnerToken = Keycloak.connect(keycloak).signIn(RUNNER_USER, Keycloak.DEMO_PASSWORD);
        if (request("GET", plans + "/api/v1/plans/" + runner, null, 200, 404).path("runnerId").asText().equals(runner)) {
            say("The demo runner (%s, user %s) already has a plan on this system: the demo ran before on this ./rebound up.",
                    runner, RUNNER_USER);
            say("Its alerts are still there: sign in at %s/inbox as %s / %s, or read the emails at %s.", web, PT_USER,
                    Keycloak.DEMO_PASSWORD, mailbox);
            say("To replay it, stop ./rebound up (Ctrl-C) and start it again: every start wipes the data.");
            return false;
        }
        LocalDate race = LocalDate.now(zone).minusDays(14);
        say("Runner %s (Sam Demo, signed in as %s) ran a marathon on %s (14 days ago, zone %s); peak week 40 mi; PT Dr. Ortiz (%s).",
                runner, RUNNER_USER, race, zone.getId(), PT_ID);
        post(plans + "/api/v1/plans", Map.of(
                "runnerId", runner, "raceDate", race.toString(), "timeZone", zone.getId(),
                "peakWeek", Map.of("distance", 40, "unit", "mi"),
                "runner", Map.of("name", "Sam Demo", "email", "demo-runner@runners.example.org"),
                "physicalTherapist", Map.of("id", PT_ID, "name", "Dr. Ortiz", "email", "ortiz@clinic.example.org")), 201);

        Map<Integer, Double> runs = new LinkedHashMap<>();
        runs.put(2, 3.0);
        runs.put(8, 2.0);
        runs.put(9, 2.0);
        runs.put(10, 7.0);
        runs.put(12, 2.0);
        runs.put(13, 2.0);
        String dayTwo = null;
        for (Map.Entry<Integer, Double> run : runs.entrySet()) {
            String start = race.plusDays(run.getKey()).atTime(LocalTime.of(7, 0)).atZone(zone).toOffsetDateTime().toString();
            JsonNode accepted = post(activities + "/api/v1/activities", Map.of("runnerId", runner, "sport", "run",
                    "startTime", start, "durationSeconds", Math.round(run.getValue() * 600), "distanceMetres",
                    run.getValue() * MILE, "perceivedEffort", 3), 202);
            say("  logged a %.0f mi easy run on day %d", run.getValue(), run.getKey());
            if (run.getKey() == 2) {
                dayTwo = accepted.path("activityId").asText();
            }
        }

        JsonNode findings = await(plans + "/api/v1/runners/" + runner + "/findings",
                list -> count(list, "RAISED") >= 5, Duration.ofSeconds(60));
        say("%nAlerts raised (each once; the runner and, for an OVERLOAD, the PT are emailed):");
        print(findings);

        say("%nThe day-2 run was logged by mistake; deleting it withdraws the alert it caused.");
        request("DELETE", activities + "/api/v1/runners/" + runner + "/activities/" + dayTwo, null, 204);
        print(await(plans + "/api/v1/runners/" + runner + "/findings", list -> count(list, "WITHDRAWN") >= 1,
                Duration.ofSeconds(60)));

        JsonNode today = request("GET", plans + "/api/v1/runners/" + runner + "/today", null, 200);
        JsonNode running = today.path("running");
        say("%nToday is day %d (%s): %d run days so far; %s mi left before the soft volume cap; longest run allowed %s mi.",
                today.path("day").asInt(), today.path("window").asText(), running.path("runDaysSoFar").asInt(),
                running.path("distanceLeftBeforeSoftCap").asText(), running.path("longestRunAllowed").asText());
        JsonNode deliveries = await(notifications + "/api/v1/deliveries?runnerId=" + runner,
                list -> count(list, "SENT") >= 1 && count(list, "PENDING") + count(list, "SENDING") == 0,
                Duration.ofSeconds(60));
        say("%nEmails: %d sent (the PT's WARNINGs wait for the daily digest). Read them at %s, or see"
                + " %s/api/v1/deliveries?runnerId=%s with the runner's token (./rebound token runner).",
                count(deliveries, "SENT"), mailbox, notifications, runner);
        say("%nThe PT's inbox shows these alerts: sign in at %s/inbox as %s / %s (the runner's view: %s / %s).", web,
                PT_USER, Keycloak.DEMO_PASSWORD, RUNNER_USER, Keycloak.DEMO_PASSWORD);
        return true;
    }

    private static void print(JsonNode findings) {
        for (JsonNode f : findings) {
            say("  day %-3d %-12s %-9s %-10s %s", f.path("day").asInt(), f.path("phase").asText(), f.path("severity").asText(),
                    f.path("state").asText(), f.path("ruleText").asText());
        }
    }

    private static long count(JsonNode list, String state) {
        long n = 0;
        for (JsonNode item : list) {
            if (state.equals(item.path("state").asText())) {
                n++;
            }
        }
        return n;
    }

    private JsonNode await(String url, Predicate<JsonNode> done, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = request("GET", url, null, 200);
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("gave up waiting on " + url + "; last answer: " + last);
    }

    private JsonNode post(String url, Object body, int expected) throws Exception {
        return request("POST", url, body, expected);
    }

    private JsonNode request(String method, String url, Object body, int... expected) throws IOException, InterruptedException {
        // Every service's API wants the runner's own token: the demo runner signed in at Keycloak.
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + runnerToken);
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        if (java.util.Arrays.stream(expected).noneMatch(status -> status == response.statusCode())) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    /** A value from {@code ./rebound up}'s endpoints file ({@code REBOUND_ENDPOINTS_FILE}, default target/rebound/endpoints). */
    private static String fromEndpointsFile(String key, String fallback) {
        java.nio.file.Path file = java.nio.file.Path.of(setting("REBOUND_ENDPOINTS_FILE", "target/rebound/endpoints"));
        java.util.Properties endpoints = new java.util.Properties();
        try (java.io.Reader reader = java.nio.file.Files.newBufferedReader(file)) {
            endpoints.load(reader);
        } catch (IOException e) {
            return fallback;
        }
        return endpoints.getProperty(key, fallback);
    }

    private static String setting(String variable, String fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
