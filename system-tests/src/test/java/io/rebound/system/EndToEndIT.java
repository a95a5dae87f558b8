package io.rebound.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rebound.devstack.Endpoints;
import io.rebound.devstack.InfraAvailable;
import io.rebound.devstack.InfraMode;
import io.rebound.devstack.Infrastructure;
import io.rebound.devstack.Mailbox;
import io.rebound.devstack.Ports;
import io.rebound.devstack.TokenIssuer;
import io.rebound.devstack.TopicReader;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole system as a user meets it: devstack plus the three packaged services as separate processes, driven
 * over HTTP, with the answer read from the SMTP server's mailbox.
 */
@ExtendWith(InfraAvailable.class)
class EndToEndIT {

    private static final ZoneId ZONE = ZoneId.of("America/Chicago");
    private static final Duration DELIVERY = Duration.ofSeconds(90);

    private static Infrastructure infrastructure;
    private static Endpoints endpoints;
    private static Path logs;
    private static int activityPort;
    private static ServiceProcess activity;
    private static ServiceProcess plan;
    private static ServiceProcess notification;
    private static Mailbox mailbox;
    private static Providers providers;
    private static TokenIssuer issuer;

    @BeforeAll
    static void startSystem() throws Exception {
        Path work = Path.of(System.getProperty("java.io.tmpdir"), "system");
        logs = Files.createDirectories(work.resolve("logs"));
        infrastructure = InfraMode.current().start(work.resolve("devstack"));
        endpoints = infrastructure.endpoints();
        mailbox = new Mailbox(endpoints.mailboxUrl());
        providers = Providers.start();
        issuer = TokenIssuer.start(0);
        activityPort = Ports.free();
        activity = activityService().start();
        plan = new ServiceProcess("plan-service", Ports.free(), withIssuer(endpoints.quarkusConfig("plan")), logs).start();
        notification = notificationService().start();
    }

    @AfterAll
    static void stopSystem() throws Exception {
        for (ServiceProcess service : new ServiceProcess[] {notification, plan, activity}) {
            if (service != null) {
                service.close();
            }
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
        if (providers != null) {
            providers.close();
        }
        if (issuer != null) {
            issuer.close();
        }
    }

    /** A service's config plus devstack's token issuer as its identity provider. */
    private static Map<String, String> withIssuer(Map<String, String> config) {
        Map<String, String> all = new java.util.HashMap<>(config);
        all.putAll(issuer.quarkusConfig());
        return all;
    }

    private static ServiceProcess activityService() {
        Map<String, String> config = new java.util.HashMap<>(endpoints.quarkusConfig("activity"));
        config.put("rebound.activity.strava.base-url", providers.baseUrl());
        config.put("rebound.activity.webhook.generic.secrets", Providers.GENERIC_SECRET);
        config.put("rebound.activity.token-key", Providers.TOKEN_KEY);
        return new ServiceProcess("activity-service", activityPort, withIssuer(config), logs);
    }

    /** Run as in production (prod profile), so it needs the secret that signs unsubscribe links. */
    private static ServiceProcess notificationService() {
        Map<String, String> config = new java.util.HashMap<>(endpoints.quarkusConfig("notification"));
        config.put("rebound.notification.unsubscribe-secret", "system-test-unsubscribe-secret-" + UUID.randomUUID());
        return new ServiceProcess("notification-service", Ports.free(), withIssuer(config), logs);
    }

    @Test
    void runOnDayTwoEmailsRunnerAndPtOnceEachEvenWhenPostedTwice() throws Exception {
        Runner runner = Runner.create();
        runner.createPlan(plan, LocalDate.now(ZONE).minusDays(2));
        String run = runner.fiveKilometreRunToday();

        assertThat(RestClient.postJson(activity.baseUrl() + "/api/v1/activities", run, runner.token()).statusCode())
                .isEqualTo(202);
        await().atMost(DELIVERY).untilAsserted(() -> {
            assertThat(mailbox.messagesTo(runner.email())).hasSize(1);
            assertThat(mailbox.messagesTo(runner.ptEmail())).hasSize(1);
        });
        for (MimeMessage mail : List.of(mailbox.messagesTo(runner.email()).get(0), mailbox.messagesTo(runner.ptEmail()).get(0))) {
            String text = mail.getSubject() + "\n" + textOf(mail);
            assertThat(text).contains("day 2").contains("no running in days 1-7").contains("3.11 mi");
        }

        assertThat(RestClient.postJson(activity.baseUrl() + "/api/v1/activities", run, runner.token()).statusCode())
                .isEqualTo(202);
        TopicReader topics = new TopicReader(endpoints.kafkaBootstrapServers());
        assertThat(topics.await("activities", r -> runner.id().equals(r.key()), 2, DELIVERY, Duration.ofSeconds(2)))
                .as("both posts reached Kafka").hasSize(2);
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(mailbox.messagesTo(runner.email())).hasSize(1);
            assertThat(mailbox.messagesTo(runner.ptEmail())).hasSize(1);
        });
        assertThat(topics.await("alerts", r -> runner.id().equals(r.key()), 2, Duration.ofSeconds(5), Duration.ZERO))
                .as("the second run in the same window raised no second alert").hasSize(1);
    }

    @Test
    void aPtIdGivenInThePlanIsThePtsIdInEveryService() throws Exception {
        Runner runner = Runner.create();
        String ptId = "clinic-" + runner.id();
        runner.createPlan(plan, LocalDate.now(ZONE).minusDays(2), ptId);
        assertThat(RestClient.postJson(activity.baseUrl() + "/api/v1/activities", runner.fiveKilometreRunToday(),
                runner.token()).statusCode()).isEqualTo(202);
        await().atMost(DELIVERY).untilAsserted(() -> assertThat(mailbox.messagesTo(runner.ptEmail())).hasSize(1));
        assertThat(textOf(mailbox.messagesTo(runner.ptEmail()).get(0))).contains("Your recipient id: " + ptId);

        String ptToken = issuer.sign(ptId, List.of("pt"));
        assertThat(RestClient.get(plan.baseUrl() + "/api/v1/plans/" + runner.id(), ptToken).statusCode()).isEqualTo(200);
        assertThat(RestClient.get(notification.baseUrl() + "/api/v1/deliveries?runnerId=" + runner.id(), ptToken)
                .statusCode()).isEqualTo(200);
        assertThat(RestClient.get(notification.baseUrl() + "/api/v1/recipients/" + ptId + "/preferences", ptToken)
                .statusCode()).isEqualTo(200);
        String otherPt = issuer.sign("clinic-someone-else", List.of("pt"));
        assertThat(RestClient.get(notification.baseUrl() + "/api/v1/deliveries?runnerId=" + runner.id(), otherPt)
                .statusCode()).isEqualTo(404);
    }

    @Test
    void activityAcceptedJustBeforeACrashIsStillPublishedAndEmailed() throws Exception {
        Runner runner = Runner.create();
        runner.createPlan(plan, LocalDate.now(ZONE).minusDays(2));

        // Stop the relay so the crash surely comes after the 202 and before the publish.
        activity.close();
        activity = activityService().start(Map.of("rebound.outbox.enabled", "false"));
        assertThat(RestClient.postJson(activity.baseUrl() + "/api/v1/activities", runner.fiveKilometreRunToday(),
                runner.token()).statusCode()).isEqualTo(202);
        TopicReader topics = new TopicReader(endpoints.kafkaBootstrapServers());
        assertThat(topics.await("activities", r -> runner.id().equals(r.key()), 1, Duration.ofSeconds(3), Duration.ZERO))
                .as("not published before the crash").isEmpty();
        activity.kill();

        activity = activityService().start();
        assertThat(topics.await("activities", r -> runner.id().equals(r.key()), 1, DELIVERY, Duration.ofSeconds(1)))
                .as("published once after the restart").hasSize(1);
        await().atMost(DELIVERY).untilAsserted(() -> {
            assertThat(mailbox.messagesTo(runner.email())).hasSize(1);
            assertThat(mailbox.messagesTo(runner.ptEmail())).hasSize(1);
        });
    }

    @Test
    void stravaEventGarminPushAndSignedWebhookForOneRunnerEachEndAsOneActivity() throws Exception {
        Runner runner = Runner.create();
        String api = activity.baseUrl();
        long athlete = 5_000_000 + Math.abs(runner.id().hashCode() % 1_000_000);
        for (String link : List.of(
                "{\"provider\": \"strava\", \"providerUserId\": \"" + athlete + "\", \"accessToken\": \"tok-" + athlete + "\"}",
                "{\"provider\": \"garmin\", \"providerUserId\": \"g-" + runner.id() + "\"}",
                "{\"provider\": \"webhook\", \"providerUserId\": \"w-" + runner.id() + "\"}")) {
            assertThat(RestClient.postJson(api + "/api/v1/runners/" + runner.id() + "/links", link, runner.token())
                    .statusCode()).isEqualTo(201);
        }
        long stravaId = providers.stravaActivity("tok-" + athlete, "2026-11-10T14:00:00Z", 8000);

        assertThat(RestClient.postJson(api + "/api/v1/webhooks/strava", Providers.stravaCreate(stravaId, athlete)).statusCode())
                .isEqualTo(200);
        assertThat(RestClient.postJson(api + "/api/v1/webhooks/garmin", Providers.garminPush("g-" + runner.id(),
                "2026-11-11T13:00:00Z", 6000)).statusCode()).isEqualTo(200);
        assertThat(Providers.postSignedWebhook(api, "w-" + runner.id(), "2026-11-12T12:00:00Z", 7000).statusCode())
                .isEqualTo(200);

        TopicReader topics = new TopicReader(endpoints.kafkaBootstrapServers());
        var published = topics.await("activities", r -> runner.id().equals(r.key()), 3, DELIVERY, Duration.ofSeconds(3));
        assertThat(published).hasSize(3);
        assertThat(published.stream().map(r -> io.rebound.events.EventJson.read(r.value(),
                io.rebound.events.ActivityRecorded.TYPE).distanceMetres())).containsExactlyInAnyOrder(8000.0, 6000.0, 7000.0);
    }

    @Test
    void planServiceRestartedGracefullyMidStreamRaisesEveryAlertExactlyOnce() throws Exception {
        int runners = 60;
        List<Runner> stream = new java.util.ArrayList<>();
        for (int i = 0; i < runners; i++) {
            Runner runner = Runner.create();
            runner.createPlan(plan, LocalDate.now(ZONE).minusDays(2));
            stream.add(runner);
        }
        // One run each on day 2, in the Rest phase: exactly one OVERLOAD alert per runner, posted every 250 ms.
        java.util.Set<String> accepted = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        Thread producer = new Thread(() -> {
            for (Runner runner : stream) {
                try {
                    int status = RestClient.postJson(activity.baseUrl() + "/api/v1/activities",
                            runner.fiveKilometreRunToday(), runner.token()).statusCode();
                    if (status == 202) {
                        accepted.add(runner.id());
                    } else {
                        refused.incrementAndGet();
                    }
                    Thread.sleep(250);
                } catch (Exception e) {
                    refused.incrementAndGet();
                }
            }
        }, "activity-producer");
        producer.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> accepted.size() >= 8);
        ServiceProcess.Stopped stopped = plan.stopGracefully(Duration.ofSeconds(45));
        int acceptedWhileStopped = accepted.size();
        plan.start();
        producer.join(Duration.ofSeconds(60).toMillis());

        TopicReader topics = new TopicReader(endpoints.kafkaBootstrapServers());
        var alerts = topics.await("alerts", r -> accepted.contains(r.key()), accepted.size(), DELIVERY, Duration.ofSeconds(5));
        Map<String, Long> perRunner = alerts.stream().collect(java.util.stream.Collectors.groupingBy(
                org.apache.kafka.clients.consumer.ConsumerRecord::key, java.util.stream.Collectors.counting()));
        long distinctAlertIds = alerts.stream().map(r -> io.rebound.events.EventJson.read(r.value(),
                io.rebound.events.OverloadAlertRaised.TYPE).alertId()).distinct().count();
        System.out.printf("graceful restart of plan-service: %d activities accepted (%d by the time it had stopped), %d refused;"
                        + " stopped in %d ms (exit %d, readiness DOWN seen: %s); %d alerts on the topic, %d distinct,"
                        + " %d runners with exactly one%n", accepted.size(), acceptedWhileStopped, refused.get(),
                stopped.took().toMillis(), stopped.exitCode(), stopped.sawNotReady(), alerts.size(), distinctAlertIds,
                perRunner.values().stream().filter(n -> n == 1).count());

        assertThat(refused.get()).as("activity-service refused nothing").isZero();
        assertThat(accepted).hasSize(runners);
        assertThat(stopped.sawNotReady()).as("readiness went DOWN before the process exited").isTrue();
        assertThat(perRunner.keySet()).as("every accepted activity raised its alert").containsExactlyInAnyOrderElementsOf(accepted);
        assertThat(perRunner.values()).as("no alert twice").allMatch(n -> n == 1);
        assertThat(distinctAlertIds).isEqualTo(runners);
    }

    /** All text of a message, from every text part however deep it is nested. */
    private static String textOf(Part part) throws Exception {
        if (part.isMimeType("text/*")) {
            return part.getContent().toString();
        }
        StringBuilder text = new StringBuilder();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                text.append(textOf(child)).append('\n');
            }
        }
        return text.toString();
    }

    /** A runner of this test run, with addresses no other test uses. */
    private record Runner(String id) {

        static Runner create() {
            return new Runner("e2e-" + UUID.randomUUID().toString().substring(0, 8));
        }

        String email() {
            return id + "@runners.example.org";
        }

        String ptEmail() {
            return "pt-" + id + "@clinic.example.org";
        }

        void createPlan(ServiceProcess plan, LocalDate raceDate) throws Exception {
            createPlan(plan, raceDate, null);
        }

        /** @param ptId the PT's own id at the clinic's identity provider, or null to name the PT by email only */
        void createPlan(ServiceProcess plan, LocalDate raceDate, String ptId) throws Exception {
            String body = """
                    {"runnerId": "%s", "raceDate": "%s", "timeZone": "%s",
                     "peakWeek": {"distance": 45, "unit": "mi"},
                     "runner": {"name": "Sam Strider", "email": "%s"},
                     "physicalTherapist": {"name": "Dr. Ortiz", "email": "%s"%s}}
                    """.formatted(id, raceDate, ZONE.getId(), email(), ptEmail(),
                    ptId == null ? "" : ", \"id\": \"" + ptId + "\"");
            // The runner creates their own plan, with their own token.
            assertThat(RestClient.postJson(plan.baseUrl() + "/api/v1/plans", body, token()).statusCode()).isEqualTo(201);
        }

        /** The runner's own token, as their app would hold it after signing in. */
        String token() {
            return issuer.sign(id, List.of("runner"));
        }

        /** 5 km, started a minute after local midnight today, so it is on today's local date whatever the hour. */
        String fiveKilometreRunToday() {
            ZonedDateTime start = ZonedDateTime.now(ZONE).truncatedTo(ChronoUnit.DAYS).plusMinutes(1);
            return """
                    {"runnerId": "%s", "sport": "run", "startTime": "%s", "durationSeconds": 1800, "distanceMetres": 5000}
                    """.formatted(id, start.toOffsetDateTime());
        }
    }
}
