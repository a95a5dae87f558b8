package io.rebound.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.rebound.testkit.DevstackResource;
import io.rebound.testkit.InfraAvailable;
import io.rebound.testkit.PrometheusText;
import io.rebound.testkit.TopicReader;
import io.rebound.events.AlertWithdrawn;
import io.rebound.events.CloudEvents;
import io.rebound.events.DistanceUnit;
import io.rebound.events.OverloadAlertRaised;
import io.rebound.events.PlanChanged;
import io.rebound.events.Severity;
import io.opentelemetry.api.common.AttributeKey;
import io.rebound.notification.email.AlertEmail;
import io.rebound.support.telemetry.RecordedSpans;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@QuarkusTest
@ExtendWith(InfraAvailable.class)
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
class AlertEmailsIT {

    private static final Duration MAIL_TIMEOUT = Duration.ofSeconds(60);

    @Inject
    RecordedSpans spans;

    @Test
    void overloadEmailsRunnerAndPtOnceWithRuleDayAndDistance() throws Exception {
        PlanChanged plan = Events.plan(Events.runnerId(), DistanceUnit.MI);
        OverloadAlertRaised alert = Events.runInRest(plan, Severity.OVERLOAD);
        String ceId = UUID.randomUUID().toString();
        Events.publishPlan(plan);
        Events.publishAlert(alert, ceId);

        String runnerEmail = plan.runner().email();
        String ptEmail = plan.physicalTherapist().email();
        await().atMost(MAIL_TIMEOUT).until(() -> Mails.to(runnerEmail).size() == 1 && Mails.to(ptEmail).size() == 1);

        MimeMessage toRunner = Mails.to(runnerEmail).get(0);
        assertThat(toRunner.getSubject()).isEqualTo("Rebound: ease off — a run on day 2 of your rest phase");
        assertThat(Mails.recipients(toRunner)).containsExactly(runnerEmail);
        MimeMultipart runnerParts = Mails.alternative(toRunner);
        assertThat(runnerParts.getContentType()).startsWith("multipart/alternative");
        String runnerText = Mails.part(toRunner, "text/plain");
        String runnerHtml = Mails.part(toRunner, "text/html");
        for (String body : List.of(runnerText, runnerHtml)) {
            assertThat(body).contains("no running in days 1-7", "day 2", "3.11 mi", "Robin " + plan.runnerId(),
                    "Rest, days 1-3", "Dr. Sam Okafor", "Tuesday 3 November 2026");
        }
        // Links go to the web app (base-url, default http://localhost:8080), never to an API.
        assertThat(runnerText).contains("See your plan and where you stand: http://localhost:8080/runners/" + plan.runnerId(),
                "Quiet hours and time zone: http://localhost:8080/settings/email").doesNotContain("/api/v1/");
        assertThat(runnerHtml).contains("<a href=\"http://localhost:8080/runners/" + plan.runnerId() + "\">",
                "<a href=\"http://localhost:8080/settings/email\">").doesNotContain("/api/v1/");
        assertThat(runnerText).contains("You logged a 3.11 mi run on day 2 (Rest, days 1-3)",
                "Your plan allows no running until day 8.");

        MimeMessage toPt = Mails.to(ptEmail).get(0);
        assertThat(toPt.getSubject()).isEqualTo("Rebound: Robin " + plan.runnerId() + " — OVERLOAD on day 2 (Rest)");
        assertThat(Mails.recipients(toPt)).containsExactly(ptEmail);
        // One Message-ID per alert and recipient, so a re-send after a crash is recognisably the same email.
        assertThat(toRunner.getMessageID()).isEqualTo("<" + alert.alertId() + ".alert.runner@rebound>");
        assertThat(toPt.getMessageID()).isEqualTo("<" + alert.alertId() + ".alert.pt@rebound>");
        assertThat(Mails.alternative(toPt).getContentType()).startsWith("multipart/alternative");
        for (String body : List.of(Mails.part(toPt, "text/plain"), Mails.part(toPt, "text/html"))) {
            assertThat(body).contains("no running in days 1-7", "day 2", "3.11 mi", "Robin " + plan.runnerId(),
                    "no runs", "1 run", "32 min", alert.activity().activityId().toString());
        }
        String ptText = Mails.part(toPt, "text/plain");
        String ptHtml = Mails.part(toPt, "text/html");
        assertThat(ptText).contains("http://localhost:8080/alerts/" + alert.alertId(),
                "Plan status (where Robin " + plan.runnerId() + " stands today, recent activities): http://localhost:8080/runners/"
                        + plan.runnerId(),
                "Quiet hours, time zone and the daily digest: http://localhost:8080/settings/email")
                .doesNotContain("/api/v1/");
        assertThat(ptHtml).contains("<a href=\"http://localhost:8080/alerts/" + alert.alertId() + "\">Open this alert</a>",
                "<a href=\"http://localhost:8080/runners/" + plan.runnerId() + "\">Plan status</a>",
                "<a href=\"http://localhost:8080/settings/email\">").doesNotContain("/api/v1/");

        Events.publishAlert(alert, ceId);
        Events.publishAlert(alert, UUID.randomUUID().toString());
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(15))
                .until(() -> Mails.to(runnerEmail).size() == 1 && Mails.to(ptEmail).size() == 1);
    }

    @Test
    void sendingEachEmailContinuesTheTraceTheAlertArrivedIn() {
        PlanChanged plan = Events.plan(Events.runnerId(), DistanceUnit.MI);
        Events.publishPlan(plan);
        String traceId = hex(16);
        Events.publishAlertInTrace(Events.runInRest(plan, Severity.OVERLOAD), "00-" + traceId + "-" + hex(8) + "-01");

        await().atMost(MAIL_TIMEOUT).until(() -> Mails.to(plan.runner().email()).size() == 1
                && Mails.to(plan.physicalTherapist().email()).size() == 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(spans.of(traceId))
                .filteredOn(span -> span.getName().equals("send email"))
                .extracting(span -> span.getAttributes().get(AttributeKey.stringKey("rebound.email.recipient_role")))
                .containsExactlyInAnyOrder("RUNNER", "PT"));
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    @Test
    void warningGoesToRunnerOnlyNow() throws Exception {
        PlanChanged plan = Events.plan(Events.runnerId(), DistanceUnit.KM);
        OverloadAlertRaised alert = Events.longRideInRecover(plan);
        Events.publishPlan(plan);
        Events.publishAlert(alert, UUID.randomUUID().toString());

        await().atMost(MAIL_TIMEOUT).until(() -> Mails.to(plan.runner().email()).size() == 1);
        MimeMessage toRunner = Mails.to(plan.runner().email()).get(0);
        assertThat(toRunner.getSubject()).isEqualTo("Rebound: a gentle heads-up — a ride on day 5 of your recover phase");
        String text = Mails.part(toRunner, "text/plain");
        assertThat(text).contains("day 5", "30.00 km", "cross-training sessions of at most 40 min in days 4-7")
                .doesNotContain("Dr. Sam Okafor");

        Callers.runner(plan.runnerId()).queryParam("runnerId", plan.runnerId())
                .when().get("/api/v1/deliveries")
                .then().statusCode(200)
                .body("$", hasSize(2))
                .body("recipientRole", containsInAnyOrder("RUNNER", "PT"))
                .body("state", containsInAnyOrder("SENT", "PENDING_DIGEST"))
                .body("find { it.recipientRole == 'PT' }.state", equalTo("PENDING_DIGEST"));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> Mails.to(plan.physicalTherapist().email()).isEmpty());
    }

    @Test
    void warningWithItsWindowShowsTheChartInlineAndSaysWhatIsLeftForToday() throws Exception {
        PlanChanged plan = Events.plan(Events.runnerId(), DistanceUnit.KM);
        OverloadAlertRaised alert = Events.fourthRunDayInReintroduce(plan);
        Map<String, String> alertSent = Map.of("kind", "alert", "outcome", "sent");
        double sentBefore = PrometheusText.value(metrics(), "rebound_emails_total", alertSent);
        Events.publishPlan(plan);
        Events.publishAlert(alert, UUID.randomUUID().toString());

        await().atMost(MAIL_TIMEOUT).until(() -> Mails.to(plan.runner().email()).size() == 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                PrometheusText.value(metrics(), "rebound_emails_total", alertSent)).isGreaterThanOrEqualTo(sentBefore + 1));
        MimeMessage toRunner = Mails.to(plan.runner().email()).get(0);
        assertThat(toRunner.getSubject()).isEqualTo("Rebound: a gentle heads-up — a run on day 12 of your reintroduce phase");
        String text = Mails.part(toRunner, "text/plain");
        String html = Mails.part(toRunner, "text/html");
        for (String body : List.of(text, html)) {
            assertThat(body).contains("Your plan allows 3 run days here (at most 3 run days in days 8-14); this brought"
                            + " you to 4 run days.",
                    "Make today a rest day. You have used the run days this part of your plan allows through day 14.",
                    "up to 45 minutes", "5 km on day 12", "Longest run allowed: 9.7 km");
        }
        assertThat(html).contains("<img src=\"cid:" + AlertEmail.CHART_ID + "\"");
        assertThat(toRunner.getHeader("List-Unsubscribe", null)).startsWith("<http://localhost:8083/unsubscribe?token=");
        assertThat(toRunner.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(Mails.recipients(toRunner)).containsExactly(plan.runner().email());
        BufferedImage chart = ImageIO.read(new ByteArrayInputStream(Mails.inline(toRunner, AlertEmail.CHART_ID)));
        assertThat(chart.getWidth()).isEqualTo(600);
        assertThat(chart.getHeight()).isEqualTo(320);
    }

    @Test
    void withdrawnOverloadAlreadySentTellsRunnerAndPtOnceThatItNoLongerApplies() throws Exception {
        PlanChanged plan = Events.plan(Events.runnerId(), DistanceUnit.MI);
        OverloadAlertRaised alert = Events.runInRest(plan, Severity.OVERLOAD);
        Events.publishPlan(plan);
        Events.publishAlert(alert, UUID.randomUUID().toString());
        await().atMost(MAIL_TIMEOUT).untilAsserted(() -> {
            assertThat(Mails.to(plan.runner().email())).hasSize(1);
            assertThat(Mails.to(plan.physicalTherapist().email())).hasSize(1);
        });

        AlertWithdrawn withdrawal = Events.withdrawal(alert, "the run of 3 November was deleted");
        String ceId = UUID.randomUUID().toString();
        Events.publishWithdrawal(withdrawal, ceId);
        Events.publishWithdrawal(withdrawal, ceId);
        await().atMost(MAIL_TIMEOUT).untilAsserted(() -> {
            assertThat(Mails.to(plan.runner().email())).hasSize(2);
            assertThat(Mails.to(plan.physicalTherapist().email())).hasSize(2);
        });
        for (String address : List.of(plan.runner().email(), plan.physicalTherapist().email())) {
            MimeMessage notice = null;
            for (MimeMessage message : Mails.to(address)) {
                if (message.getSubject().startsWith("Rebound: no longer applies")) {
                    notice = message;
                }
            }
            assertThat(notice).as("a notice to " + address).isNotNull();
            assertThat(Mails.part(notice, "text/plain"))
                    .contains("no longer applies", "day 2", "no running in days 1-7", "the run of 3 November was deleted");
            assertThat(Mails.part(notice, "text/html")).contains("the run of 3 November was deleted");
        }
        // The same withdrawal again, under another id, tells nobody twice.
        Events.publishWithdrawal(withdrawal, UUID.randomUUID().toString());
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(Mails.to(plan.runner().email())).hasSize(2);
            assertThat(Mails.to(plan.physicalTherapist().email())).hasSize(2);
        });
    }

    @Test
    void warningForAnInjuredRunnerGoesToThePtAtOnce() {
        PlanChanged healthy = Events.plan(Events.runnerId(), DistanceUnit.KM);
        PlanChanged plan = new PlanChanged(healthy.planId(), healthy.runnerId(), healthy.raceDate(), healthy.timeZone(),
                healthy.peakWeekMetres(), healthy.distanceUnit(), healthy.runner(), healthy.physicalTherapist(),
                healthy.changedAt(), true);
        Events.publishPlan(plan);
        Events.publishAlert(Events.longRideInRecover(plan), UUID.randomUUID().toString());

        await().atMost(MAIL_TIMEOUT).untilAsserted(() -> {
            assertThat(Mails.to(plan.runner().email())).hasSize(1);
            assertThat(Mails.to(plan.physicalTherapist().email())).hasSize(1);
        });
    }

    @Test
    void malformedAlertGoesToDeadLetterTopicAndGoodOnesBehindItStillFlow() {
        PlanChanged plan = Events.plan(Events.runnerId(), DistanceUnit.KM);
        Events.publishPlan(plan);
        Events.publishRaw("alerts", plan.runnerId(), UUID.randomUUID().toString(), OverloadAlertRaised.TYPE.type(),
                "{not json");
        Events.publishAlert(Events.runInRest(plan, Severity.OVERLOAD), UUID.randomUUID().toString());

        await().atMost(MAIL_TIMEOUT).until(() -> Mails.to(plan.runner().email()).size() == 1
                && Mails.to(plan.physicalTherapist().email()).size() == 1);

        TopicReader reader = new TopicReader(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        List<ConsumerRecord<String, String>> dead = reader.await("alerts.dlq", r -> plan.runnerId().equals(r.key()), 1,
                Duration.ofSeconds(30), Duration.ofSeconds(1));
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).value()).isEqualTo("{not json");
        assertThat(CloudEvents.header(dead.get(0).headers(), CloudEvents.TYPE)).contains(OverloadAlertRaised.TYPE.type());
    }

    @Test
    void alertBeforePlanIsDeliveredOncePlanArrives() throws Exception {
        PlanChanged plan = Events.plan(Events.runnerId(), DistanceUnit.KM);
        Events.publishAlert(Events.runInRest(plan, Severity.OVERLOAD), UUID.randomUUID().toString());

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> Mails.to(plan.runner().email()).isEmpty());
        Events.publishPlan(plan);

        await().atMost(MAIL_TIMEOUT).until(() -> Mails.to(plan.runner().email()).size() == 1
                && Mails.to(plan.physicalTherapist().email()).size() == 1);
        assertThat(Mails.to(plan.runner().email()).get(0).getSubject()).contains("day 2");
    }

    @Test
    void withdrawnWarningIsNeverSentToThePtTheRunnerIsToldAndARedeliveryChangesNothing() throws Exception {
        PlanChanged plan = Events.plan(Events.runnerId(), DistanceUnit.KM);
        OverloadAlertRaised warning = Events.longRideInRecover(plan);
        Events.publishPlan(plan);
        Events.publishAlert(warning, UUID.randomUUID().toString());
        String runnerEmail = plan.runner().email();
        String ptEmail = plan.physicalTherapist().email();
        await().atMost(MAIL_TIMEOUT).until(() -> Mails.to(runnerEmail).size() == 1);
        assertThat(stateOf(plan, warning, "PT")).isEqualTo("PENDING_DIGEST");

        AlertWithdrawn withdrawal = Events.withdrawal(warning, "the ride of 6 November was deleted");
        String ceId = UUID.randomUUID().toString();
        Events.publishWithdrawal(withdrawal, ceId);

        await().atMost(MAIL_TIMEOUT).until(() -> "WITHDRAWN".equals(stateOf(plan, warning, "PT")));
        assertThat(stateOf(plan, warning, "RUNNER")).isEqualTo("SENT");
        // The runner, who had the warning, hears that it no longer applies; the PT, who had nothing, hears nothing.
        await().atMost(MAIL_TIMEOUT).until(() -> Mails.to(runnerEmail).size() == 2);
        assertThat(Mails.to(runnerEmail).get(1).getSubject()).startsWith("Rebound: no longer applies");
        assertThat(Mails.to(ptEmail)).isEmpty();

        // The same withdrawal again, then an unrelated alert behind it on the runner's partition: once that
        // alert's emails are out, the repeat has been consumed.
        Events.publishWithdrawal(withdrawal, ceId);
        OverloadAlertRaised overload = Events.runInRest(plan, Severity.OVERLOAD);
        Events.publishAlert(overload, UUID.randomUUID().toString());
        await().atMost(MAIL_TIMEOUT).until(() -> Mails.to(runnerEmail).size() == 3 && Mails.to(ptEmail).size() == 1);

        assertThat(stateOf(plan, warning, "PT")).isEqualTo("WITHDRAWN");
        assertThat(stateOf(plan, warning, "RUNNER")).isEqualTo("SENT");
        assertThat(Mails.to(ptEmail).get(0).getSubject()).contains("OVERLOAD");
        Callers.runner(plan.runnerId()).queryParam("runnerId", plan.runnerId())
                .when().get("/api/v1/deliveries")
                .then().statusCode(200)
                .body("$", hasSize(5))
                .body("findAll { it.alertId == '%s' }.attempts".formatted(warning.alertId()), containsInAnyOrder(1, 0, 1))
                .body("findAll { it.alertId == '%s' }.kind".formatted(warning.alertId()),
                        containsInAnyOrder("ALERT", "ALERT", "WITHDRAWAL"));
        TopicReader reader = new TopicReader(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        assertThat(reader.await("alerts.dlq", r -> plan.runnerId().equals(r.key()), 1, Duration.ofSeconds(3),
                Duration.ZERO)).isEmpty();
    }

    @Test
    void alertOfAnUnknownTypeGoesToTheDeadLetterTopic() {
        String runnerId = Events.runnerId();
        Events.publishRaw("alerts", runnerId, UUID.randomUUID().toString(), "rebound.alert.snoozed.v1", "{}");

        TopicReader reader = new TopicReader(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        List<ConsumerRecord<String, String>> dead = reader.await("alerts.dlq", r -> runnerId.equals(r.key()), 1,
                Duration.ofSeconds(30), Duration.ofSeconds(1));
        assertThat(dead).hasSize(1);
        assertThat(CloudEvents.header(dead.get(0).headers(), CloudEvents.TYPE)).contains("rebound.alert.snoozed.v1");
    }

    /** The state of an alert's delivery to one recipient role, as GET /api/v1/deliveries shows it. */
    private static String stateOf(PlanChanged plan, OverloadAlertRaised alert, String role) {
        return Callers.runner(plan.runnerId()).queryParam("runnerId", plan.runnerId())
                .when().get("/api/v1/deliveries")
                .then().statusCode(200)
                .extract().path("find { it.alertId == '%s' && it.recipientRole == '%s' && it.kind == 'ALERT' }.state"
                        .formatted(alert.alertId(), role));
    }

    private static String metrics() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
