package io.rebound.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rebound.testkit.InfraAvailable;
import io.rebound.testkit.Mailbox;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole system as a user meets it: devstack plus the three packaged services as separate processes, driven
 * over HTTP, with the answer read from the SMTP server's mailbox.
 */
@ExtendWith({InfraAvailable.class, SharedSystem.class})
class EndToEndIT {

    private static final Duration DELIVERY = Duration.ofSeconds(90);

    private static RunningSystem system;
    private static Mailbox mailbox;

    @BeforeAll
    static void startSystem() throws Exception {
        system = SharedSystem.get();
        mailbox = system.mailbox();
    }

    @Test
    void runOnDayTwoEmailsRunnerAndPtOnceEachEvenWhenPostedTwice() throws Exception {
        Runner runner = Runner.create();
        runner.createPlanInRestPhase(system);
        String run = runner.fiveKilometreRunToday();

        assertThat(RestClient.postJson(system.activity().baseUrl() + "/api/v1/activities", run, system.runnerToken(runner.id()))
                .statusCode()).isEqualTo(202);
        await().atMost(DELIVERY).untilAsserted(() -> {
            assertThat(mailbox.messagesTo(runner.email())).hasSize(1);
            assertThat(mailbox.messagesTo(runner.ptEmail())).hasSize(1);
        });
        for (MimeMessage mail : List.of(mailbox.messagesTo(runner.email()).get(0), mailbox.messagesTo(runner.ptEmail()).get(0))) {
            String text = mail.getSubject() + "\n" + textOf(mail);
            assertThat(text).contains("day 2").contains("no running in days 1-7").contains("3.11 mi");
        }

        assertThat(RestClient.postJson(system.activity().baseUrl() + "/api/v1/activities", run, system.runnerToken(runner.id()))
                .statusCode()).isEqualTo(202);
        var topics = system.topics();
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
        runner.createPlan(system, LocalDate.now(Runner.ZONE).minusDays(2), ptId);
        assertThat(RestClient.postJson(system.activity().baseUrl() + "/api/v1/activities", runner.fiveKilometreRunToday(),
                system.runnerToken(runner.id())).statusCode()).isEqualTo(202);
        await().atMost(DELIVERY).untilAsserted(() -> assertThat(mailbox.messagesTo(runner.ptEmail())).hasSize(1));
        assertThat(textOf(mailbox.messagesTo(runner.ptEmail()).get(0))).contains("Your recipient id: " + ptId);

        String ptToken = system.ptToken(ptId);
        String notifications = system.notification().baseUrl();
        assertThat(RestClient.get(system.plan().baseUrl() + "/api/v1/plans/" + runner.id(), ptToken).statusCode())
                .isEqualTo(200);
        assertThat(RestClient.get(notifications + "/api/v1/deliveries?runnerId=" + runner.id(), ptToken).statusCode())
                .isEqualTo(200);
        assertThat(RestClient.get(notifications + "/api/v1/recipients/" + ptId + "/preferences", ptToken).statusCode())
                .isEqualTo(200);
        assertThat(RestClient.get(notifications + "/api/v1/deliveries?runnerId=" + runner.id(),
                system.ptToken("clinic-someone-else")).statusCode()).isEqualTo(404);
    }

    @Test
    void activityAcceptedJustBeforeACrashIsStillPublishedAndEmailed() throws Exception {
        Runner runner = Runner.create();
        runner.createPlanInRestPhase(system);

        // Stop the relay so the crash surely comes after the 202 and before the publish.
        system.activity().close();
        system.activity().start(Map.of("rebound.outbox.enabled", "false"));
        assertThat(RestClient.postJson(system.activity().baseUrl() + "/api/v1/activities", runner.fiveKilometreRunToday(),
                        system.runnerToken(runner.id())).statusCode())
                .isEqualTo(202);
        var topics = system.topics();
        assertThat(topics.await("activities", r -> runner.id().equals(r.key()), 1, Duration.ofSeconds(3), Duration.ZERO))
                .as("not published before the crash").isEmpty();
        system.activity().kill();

        system.activity().start();
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
        String api = system.activity().baseUrl();
        long athlete = 5_000_000 + Math.abs(runner.id().hashCode() % 1_000_000);
        for (String link : List.of(
                "{\"provider\": \"strava\", \"providerUserId\": \"" + athlete + "\", \"accessToken\": \"tok-" + athlete + "\"}",
                "{\"provider\": \"garmin\", \"providerUserId\": \"g-" + runner.id() + "\"}",
                "{\"provider\": \"webhook\", \"providerUserId\": \"w-" + runner.id() + "\"}")) {
            assertThat(RestClient.postJson(api + "/api/v1/runners/" + runner.id() + "/links", link,
                    system.adminToken()).statusCode()).isEqualTo(201);
        }
        long stravaId = system.providers().stravaActivity("tok-" + athlete, "2026-11-10T14:00:00Z", 8000);

        assertThat(RestClient.postJson(api + "/api/v1/webhooks/strava", Providers.stravaCreate(stravaId, athlete)).statusCode())
                .isEqualTo(200);
        assertThat(RestClient.postJson(api + Providers.GARMIN_PUSH_PATH, Providers.garminPush("g-" + runner.id(),
                "2026-11-11T13:00:00Z", 6000)).statusCode()).isEqualTo(200);
        assertThat(Providers.postSignedWebhook(api, "w-" + runner.id(), "2026-11-12T12:00:00Z", 7000).statusCode())
                .isEqualTo(200);

        var topics = system.topics();
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
            runner.createPlanInRestPhase(system);
            stream.add(runner);
        }
        // One run each on day 2, in the Rest phase: exactly one OVERLOAD alert per runner, posted every 250 ms.
        java.util.Set<String> accepted = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        Thread producer = new Thread(() -> {
            for (Runner runner : stream) {
                try {
                    int status = RestClient.postJson(system.activity().baseUrl() + "/api/v1/activities", runner.fiveKilometreRunToday(),
                        system.runnerToken(runner.id()))
                            .statusCode();
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
        ServiceProcess.Stopped stopped = system.plan().stopGracefully(Duration.ofSeconds(45));
        int acceptedWhileStopped = accepted.size();
        system.plan().start();
        producer.join(Duration.ofSeconds(60).toMillis());

        var topics = system.topics();
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

    @Test
    void healthMetricsAndOpenApiAnswerOnTheManagementPortNotOnTheApiPort() throws Exception {
        for (ServiceProcess service : List.of(system.activity(), system.plan(), system.notification())) {
            for (String path : List.of("/q/health/ready", "/q/metrics", "/q/openapi")) {
                assertThat(RestClient.get(service.managementUrl() + path).statusCode())
                        .as("%s on the management port", path).isEqualTo(200);
                assertThat(RestClient.get(service.baseUrl() + path).statusCode())
                        .as("%s on the API port", path).isEqualTo(404);
            }
        }
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
}
