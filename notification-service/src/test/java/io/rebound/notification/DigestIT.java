package io.rebound.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.rebound.testkit.DevstackResource;
import io.rebound.testkit.InfraAvailable;
import io.rebound.testkit.TopicReader;
import io.rebound.events.DistanceUnit;
import io.rebound.events.OverloadAlertRaised;
import io.rebound.events.PlanChanged;
import io.rebound.events.Severity;
import io.rebound.notification.email.DigestService;
import io.rebound.support.security.PtIds;
import io.rebound.support.vertx.SafeContexts;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.microprofile.config.ConfigProvider;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The PT's daily digest, driven by a clock of the test's own: 07:00 in the PT's zone, once a day. */
@QuarkusTest
@ExtendWith(InfraAvailable.class)
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
class DigestIT {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Inject
    DigestService digests;

    @Inject
    Vertx vertx;

    private int sendDueAt(LocalDate date, LocalTime time) {
        Instant now = date.atTime(time).atZone(LONDON).toInstant();
        return SafeContexts.on(SafeContexts.fresh(vertx), () -> digests.sendDue(now)).await().atMost(Duration.ofSeconds(30));
    }

    @Test
    void threeWarningsForTwoRunnersOfOnePtGiveOneDigestAt0700AndNoneForAPtWithoutWarnings() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        // The runners are in Chicago; their PT works from London, where the digest is due at 07:00.
        PlanChanged.Contact pt = new PlanChanged.Contact("Dr. Ada Moss", "digest-" + suffix + "@clinic.example.org",
                "Europe/London");
        PlanChanged first = Events.withPt(Events.plan(Events.runnerId(), DistanceUnit.KM), pt);
        PlanChanged second = Events.withPt(Events.plan(Events.runnerId(), DistanceUnit.MI), pt);
        PlanChanged quiet = Events.plan(Events.runnerId(), DistanceUnit.KM);
        for (PlanChanged plan : new PlanChanged[] {first, second, quiet}) {
            Events.publishPlan(plan);
        }
        OverloadAlertRaised rideA = Events.longRideInRecover(first);
        OverloadAlertRaised rideB = Events.longRideInRecover(first);
        OverloadAlertRaised rideC = Events.longRideInRecover(second);
        for (OverloadAlertRaised warning : new OverloadAlertRaised[] {rideA, rideB, rideC}) {
            Events.publishAlert(warning, UUID.randomUUID().toString());
        }
        Events.publishAlert(Events.runInRest(quiet, Severity.OVERLOAD), UUID.randomUUID().toString());
        // The runners hear of each warning at once; the quiet PT hears of the overload at once.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(Mails.to(first.runner().email())).hasSize(2);
            assertThat(Mails.to(second.runner().email())).hasSize(1);
            assertThat(Mails.to(quiet.physicalTherapist().email())).hasSize(1);
        });
        assertThat(Mails.to(pt.email())).isEmpty();

        LocalDate day = LocalDate.now(LONDON).plusDays(1);
        sendDueAt(day, LocalTime.of(6, 59));
        assertThat(Mails.to(pt.email())).as("nothing before 07:00").isEmpty();

        sendDueAt(day, LocalTime.of(7, 0));
        assertThat(Mails.to(pt.email())).hasSize(1);
        MimeMessage digest = Mails.to(pt.email()).get(0);
        assertThat(digest.getSubject()).startsWith("Rebound: 3 warnings for your runners");
        String text = Mails.part(digest, "text/plain");
        assertThat(text).contains(first.runner().name(), second.runner().name(), "cross-training sessions of at most 40 min");
        assertThat(text.indexOf(first.runner().name())).as("the runner with most warnings first")
                .isLessThan(text.indexOf(second.runner().name()));
        assertThat(Mails.part(digest, "text/html")).contains(second.runner().name());
        assertThat(Mails.to(quiet.physicalTherapist().email())).as("no digest without warnings").hasSize(1);

        sendDueAt(day, LocalTime.of(9, 30));
        sendDueAt(day, LocalTime.of(18, 0));
        assertThat(Mails.to(pt.email())).as("one digest a day").hasSize(1);
    }

    @Test
    void anAcknowledgedWarningLeavesTheDigestWhileAnUnacknowledgedOneGoesInLinkedToItsAlert() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        PlanChanged.Contact pt = new PlanChanged.Contact("Dr. Ines Park", "ack-" + suffix + "@clinic.example.org",
                "Europe/London");
        PlanChanged plan = Events.withPt(Events.plan(Events.runnerId(), DistanceUnit.KM), pt);
        String ptId = PtIds.fromEmail(pt.email());
        Events.publishPlan(plan);
        OverloadAlertRaised seen = Events.longRideInRecover(plan);
        OverloadAlertRaised unseen = Events.longRideInRecover(plan);
        OverloadAlertRaised overload = Events.runInRest(plan, Severity.OVERLOAD);
        for (OverloadAlertRaised alert : List.of(seen, unseen, overload)) {
            Events.publishAlert(alert, UUID.randomUUID().toString());
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(Mails.to(plan.runner().email())).hasSize(3);
            assertThat(Mails.to(pt.email())).as("the overload, at once").hasSize(1);
        });

        // An acknowledgement of an alert this service never had changes nothing and holds up nothing behind it.
        Events.publishAcknowledgement(Events.acknowledgement(Events.longRideInRecover(plan), ptId),
                UUID.randomUUID().toString());
        Events.publishAcknowledgement(Events.acknowledgement(seen, ptId), UUID.randomUUID().toString());
        Events.publishAcknowledgement(Events.acknowledgement(overload, ptId), UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ptState(plan, seen)).isEqualTo("ACKNOWLEDGED"));
        assertThat(ptState(plan, unseen)).isEqualTo("PENDING_DIGEST");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(ptState(plan, overload))
                .as("already sent: stays as it is").isEqualTo("SENT"));

        LocalDate day = LocalDate.now(LONDON).plusDays(1);
        sendDueAt(day, LocalTime.of(7, 0));
        await().atMost(Duration.ofSeconds(10)).until(() -> Mails.to(pt.email()).size() == 2);
        MimeMessage digest = Mails.to(pt.email()).stream()
                .filter(m -> subject(m).startsWith("Rebound: 1 warning for your runners")).findFirst().orElseThrow();
        String text = Mails.part(digest, "text/plain");
        String html = Mails.part(digest, "text/html");
        String unseenLink = "http://localhost:8080/alerts/" + unseen.alertId();
        assertThat(text).contains("Look at this warning: " + unseenLink,
                "http://localhost:8080/runners/" + plan.runnerId(), "http://localhost:8080/settings/email")
                .doesNotContain(seen.alertId().toString()).doesNotContain("/api/v1/");
        assertThat(html).contains("<a href=\"" + unseenLink + "\">Look at this warning</a>",
                "<a href=\"http://localhost:8080/runners/" + plan.runnerId() + "\">")
                .doesNotContain(seen.alertId().toString()).doesNotContain("/api/v1/");
        assertThat(ptState(plan, seen)).isEqualTo("ACKNOWLEDGED");
        assertThat(ptState(plan, unseen)).isEqualTo("SENT");
        assertThat(new TopicReader(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))
                .await("alerts.dlq", r -> plan.runnerId().equals(r.key()), 1, Duration.ofSeconds(3), Duration.ZERO))
                .as("no acknowledgement dead-lettered").isEmpty();
    }

    /** The state of the PT's delivery of the alert, as the deliveries API shows it. */
    private static String ptState(PlanChanged plan, OverloadAlertRaised alert) {
        return Callers.admin().queryParam("runnerId", plan.runnerId()).when().get("/api/v1/deliveries")
                .then().statusCode(200).extract().path("find { it.alertId == '" + alert.alertId()
                        + "' && it.recipientRole == 'PT' && it.kind == 'ALERT' }.state");
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
