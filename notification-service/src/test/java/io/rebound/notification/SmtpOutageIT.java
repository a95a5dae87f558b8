package io.rebound.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.rebound.testkit.DevstackResource;
import io.rebound.testkit.InfraAvailable;
import io.rebound.testkit.PrometheusText;
import io.rebound.testkit.TopicReader;
import io.rebound.events.CloudEvents;
import io.rebound.events.DeliveryFailed;
import io.rebound.events.DistanceUnit;
import io.rebound.events.EventJson;
import io.rebound.events.EventSchemas;
import io.rebound.events.OverloadAlertRaised;
import io.rebound.events.PlanChanged;
import io.rebound.events.Severity;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The SMTP server goes down and comes back while alerts arrive (%test backoff: 300 ms doubling up to 2 s). Each
 * test brings SMTP back when it ends, whatever happened.
 */
@QuarkusTest
@ExtendWith(InfraAvailable.class)
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
class SmtpOutageIT extends SmtpStopping {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Inject
    Pool database;

    @Test
    void alertsRaisedDuringAnOutageAreEachEmailedExactlyOnceWhenSmtpComesBack() {
        List<PlanChanged> plans = IntStream.range(0, 4).mapToObj(i -> Events.plan(Events.runnerId(), DistanceUnit.MI)).toList();
        plans.forEach(Events::publishPlan);
        smtp.pause();
        plans.forEach(plan -> Events.publishAlert(Events.runInRest(plan, Severity.OVERLOAD), UUID.randomUUID().toString()));

        await().atMost(TIMEOUT).untilAsserted(() -> {
            for (PlanChanged plan : plans) {
                assertThat(deliveries(plan)).hasSize(2).allSatisfy(d -> {
                    assertThat(d.attempts()).isPositive();
                    assertThat(d.lastError()).isNotBlank();
                    assertThat(d.state()).isIn("PENDING", "SENDING");
                });
            }
        });
        Map<String, List<String>> duringTheOutage = subjectsByRecipient();
        for (PlanChanged plan : plans) {
            assertThat(duringTheOutage).doesNotContainKeys(plan.runner().email(), plan.physicalTherapist().email());
        }

        smtp.resume();
        await().atMost(TIMEOUT).untilAsserted(() -> {
            for (PlanChanged plan : plans) {
                assertThat(deliveries(plan)).extracting(Row::state).containsExactly("SENT", "SENT");
            }
        });
        // Longer than the longest backoff: a second copy of any email would have arrived by now.
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, List<String>> received = subjectsByRecipient();
            for (PlanChanged plan : plans) {
                assertThat(received.get(plan.runner().email()))
                        .containsExactly("Rebound: ease off — a run on day 2 of your rest phase");
                assertThat(received.get(plan.physicalTherapist().email()))
                        .containsExactly("Rebound: Robin " + plan.runnerId() + " — OVERLOAD on day 2 (Rest)");
            }
        });
        for (PlanChanged plan : plans) {
            assertThat(deliveries(plan)).allSatisfy(d -> {
                assertThat(d.attempts()).isGreaterThanOrEqualTo(2);
                assertThat(d.lastError()).isNull();
            });
        }
    }

    @Test
    void anSmtpServerThatTakesConnectionsAndNeverAnswersFailsEachAttemptAfterTheSendTimeoutAndHoldsUpNothing()
            throws Exception {
        PlanChanged plan = Events.plan(Events.runnerId(), DistanceUnit.KM);
        Events.publishPlan(plan);
        smtp.hang();
        Events.publishAlert(Events.runInRest(plan, Severity.OVERLOAD), UUID.randomUUID().toString());

        // Without a send timeout the first attempt would wait for the greeting for ever, and every email behind it.
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(deliveries(plan)).hasSize(2).allSatisfy(d -> {
            assertThat(d.attempts()).isPositive();
            assertThat(d.lastError()).contains("SMTP gave no answer within 15000 ms");
            assertThat(d.state()).isIn("PENDING", "SENDING");
        }));
        assertThat(subjectsByRecipient()).doesNotContainKeys(plan.runner().email(), plan.physicalTherapist().email());

        smtp.resume();
        await().atMost(TIMEOUT).untilAsserted(() ->
                assertThat(deliveries(plan)).extracting(Row::state).containsExactly("SENT", "SENT"));
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, List<String>> received = subjectsByRecipient();
            assertThat(received.get(plan.runner().email())).hasSize(1);
            assertThat(received.get(plan.physicalTherapist().email())).hasSize(1);
        });
    }

    @Test
    void anAlertWithdrawnWhileSmtpHoldsItsEmailsIsNotSentOnceSmtpHasFailedThem() throws Exception {
        PlanChanged plan = Events.plan(Events.runnerId(), DistanceUnit.KM);
        OverloadAlertRaised alert = Events.runInRest(plan, Severity.OVERLOAD);
        withdrawnWhileWithSmtp(plan, alert);

        // The attempts end without an answer (the send timeout): the emails are not tried again.
        await().atMost(TIMEOUT).until(() -> states(plan).equals(List.of("ALERT PT WITHDRAWN", "ALERT RUNNER WITHDRAWN")));
        smtp.resume();
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(subjectsByRecipient())
                .doesNotContainKeys(plan.runner().email(), plan.physicalTherapist().email()));
        assertThat(states(plan)).containsExactly("ALERT PT WITHDRAWN", "ALERT RUNNER WITHDRAWN");
    }

    @Test
    void anEmailSmtpTakesAfterItsAlertWasWithdrawnIsFollowedByTheNoticeThatItNoLongerApplies() throws Exception {
        PlanChanged plan = Events.plan(Events.runnerId(), DistanceUnit.KM);
        OverloadAlertRaised alert = Events.runInRest(plan, Severity.OVERLOAD);
        withdrawnWhileWithSmtp(plan, alert);

        smtp.answerLate();
        await().atMost(TIMEOUT).until(() -> states(plan).equals(List.of("ALERT PT SENT", "ALERT RUNNER SENT",
                "WITHDRAWAL PT SENT", "WITHDRAWAL RUNNER SENT")));
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, List<String>> received = subjectsByRecipient();
            for (String address : List.of(plan.runner().email(), plan.physicalTherapist().email())) {
                assertThat(received.get(address)).hasSize(2)
                        .anySatisfy(subject -> assertThat(subject).startsWith("Rebound: no longer applies"));
            }
        });
    }

    /** The alert's two emails are with a silent SMTP server when its withdrawal is read. */
    private void withdrawnWhileWithSmtp(PlanChanged plan, OverloadAlertRaised alert) throws Exception {
        Events.publishPlan(plan);
        smtp.hang();
        Events.publishAlert(alert, UUID.randomUUID().toString());
        await().atMost(TIMEOUT).until(() -> states(plan).equals(List.of("ALERT PT SENDING", "ALERT RUNNER SENDING")));
        Events.publishWithdrawal(Events.withdrawal(alert, "the run was deleted"), UUID.randomUUID().toString());
        await().atMost(TIMEOUT).until(() -> count("SELECT count(*) FROM delivery WHERE runner_id = $1 AND state = 'SENDING'"
                + " AND withdrawn_note = 'the run was deleted'", plan.runnerId()) == 2);
    }

    /** "KIND ROLE STATE" of each of the runner's deliveries, sorted. */
    private List<String> states(PlanChanged plan) {
        List<String> states = new ArrayList<>();
        database.preparedQuery("SELECT kind, recipient_role, state FROM delivery WHERE runner_id = $1")
                .execute(Tuple.of(plan.runnerId())).await().atMost(Duration.ofSeconds(10))
                .forEach(row -> states.add(row.getString(0) + " " + row.getString(1) + " " + row.getString(2)));
        states.sort(null);
        return states;
    }

    @Test
    void aRunnerWaitingOutALongBackoffDoesNotHoldUpAnotherRunnersAlert() {
        PlanChanged waiting = Events.plan(Events.runnerId(), DistanceUnit.KM);
        PlanChanged next = Events.plan(Events.runnerId(), DistanceUnit.KM);
        Events.publishPlan(waiting);
        Events.publishPlan(next);
        smtp.pause();
        Events.publishAlert(Events.runInRest(waiting, Severity.OVERLOAD), UUID.randomUUID().toString());
        await().atMost(TIMEOUT).until(() -> deliveries(waiting).size() == 2
                && deliveries(waiting).stream().allMatch(d -> d.attempts() > 0));

        // As after hours of failures: its next attempt is far off. A row caught mid-attempt is pushed on the next poll.
        await().atMost(TIMEOUT).until(() -> {
            sql("UPDATE delivery SET next_attempt_at = now() + interval '1 hour' WHERE runner_id = $1 AND state = 'PENDING'",
                    waiting.runnerId());
            return count("SELECT count(*) FROM delivery WHERE runner_id = $1 AND state = 'PENDING'"
                    + " AND next_attempt_at > now() + interval '30 minutes'", waiting.runnerId()) == 2;
        });
        List<Integer> attemptsSoFar = deliveries(waiting).stream().map(Row::attempts).toList();

        smtp.resume();
        Events.publishAlert(Events.runInRest(next, Severity.OVERLOAD), UUID.randomUUID().toString());
        await().atMost(TIMEOUT).until(() -> deliveries(next).stream().map(Row::state).toList().equals(List.of("SENT", "SENT")));
        Map<String, List<String>> received = subjectsByRecipient();
        assertThat(received.get(next.runner().email())).hasSize(1);
        assertThat(received.get(next.physicalTherapist().email())).hasSize(1);
        assertThat(received).doesNotContainKeys(waiting.runner().email(), waiting.physicalTherapist().email());
        assertThat(deliveries(waiting)).extracting(Row::state).containsExactly("PENDING", "PENDING");
        assertThat(deliveries(waiting)).extracting(Row::attempts).isEqualTo(attemptsSoFar);

        sql("UPDATE delivery SET next_attempt_at = now() WHERE runner_id = $1", waiting.runnerId());
        await().atMost(TIMEOUT).until(() -> deliveries(waiting).stream().map(Row::state).toList().equals(List.of("SENT", "SENT")));
        Instant lastOfNext = deliveries(next).stream().map(Row::sentAt).max(Instant::compareTo).orElseThrow();
        assertThat(deliveries(waiting)).allSatisfy(d -> assertThat(d.sentAt()).isAfter(lastOfNext));
        received = subjectsByRecipient();
        assertThat(received.get(waiting.runner().email())).hasSize(1);
        assertThat(received.get(waiting.physicalTherapist().email())).hasSize(1);
    }

    @Test
    void deliveriesStillFailingWhenTheRetryWindowIsOverAreFailedAndDeadLetteredWithoutPersonalData() throws Exception {
        PlanChanged plan = Events.plan(Events.runnerId(), DistanceUnit.MI);
        OverloadAlertRaised alert = Events.runInRest(plan, Severity.OVERLOAD);
        Events.publishPlan(plan);
        String before = scrape();
        smtp.pause();
        Events.publishAlert(alert, UUID.randomUUID().toString());
        await().atMost(TIMEOUT).until(() -> deliveries(plan).size() == 2
                && deliveries(plan).stream().allMatch(d -> d.attempts() > 0));

        // As if these deliveries had been failing since yesterday: 25 h is past the 24 h window.
        await().atMost(TIMEOUT).until(() -> {
            sql("UPDATE delivery SET created_at = now() - interval '25 hours', next_attempt_at = now()"
                    + " WHERE runner_id = $1 AND state = 'PENDING'", plan.runnerId());
            return deliveries(plan).stream().allMatch(d -> d.state().equals("FAILED"));
        });
        List<Row> failed = deliveries(plan);
        assertThat(failed).allSatisfy(d -> assertThat(d.lastError()).isNotBlank());
        String after = scrape();
        Map<String, String> alertFailed = Map.of("kind", "alert", "outcome", "failed");
        Map<String, String> alertRetried = Map.of("kind", "alert", "outcome", "retried");
        assertThat(PrometheusText.value(after, "rebound_emails_total", alertFailed)
                - PrometheusText.value(before, "rebound_emails_total", alertFailed)).as("emails given up").isEqualTo(2);
        assertThat(PrometheusText.value(after, "rebound_emails_total", alertRetried)
                - PrometheusText.value(before, "rebound_emails_total", alertRetried)).as("refused, tried again")
                .isGreaterThanOrEqualTo(2);

        List<ConsumerRecord<String, String>> dead = new TopicReader(bootstrapServers()).await("notifications.dlq",
                r -> plan.runnerId().equals(r.key()), 2, TIMEOUT, Duration.ofSeconds(3));
        assertThat(dead).hasSize(2);
        for (ConsumerRecord<String, String> record : dead) {
            assertThat(CloudEvents.header(record.headers(), CloudEvents.TYPE)).contains(DeliveryFailed.TYPE.type());
            assertThat(EventSchemas.violations(DeliveryFailed.TYPE, record.value())).isEmpty();
            assertThat(record.value()).doesNotContain("@", plan.runner().name(), plan.physicalTherapist().name());
            DeliveryFailed event = EventJson.read(record.value(), DeliveryFailed.TYPE);
            assertThat(CloudEvents.header(record.headers(), CloudEvents.ID)).contains(event.eventId());
            Row row = failed.stream().filter(d -> d.recipientRole().equals(event.recipientRole())).findFirst().orElseThrow();
            assertThat(event.alertId()).isEqualTo(alert.alertId());
            assertThat(event.runnerId()).isEqualTo(plan.runnerId());
            assertThat(event.kind()).isEqualTo("ALERT");
            assertThat(event.reason()).isEqualTo(DeliveryFailed.Reason.RETRY_WINDOW_OVER);
            assertThat(event.attempts()).isEqualTo(row.attempts()).isGreaterThanOrEqualTo(2);
            assertThat(event.lastError()).isEqualTo(row.lastError());
            assertThat(event.createdAt()).isEqualTo(row.createdAt());
            assertThat(Duration.between(event.createdAt(), event.failedAt())).isGreaterThanOrEqualTo(Duration.ofHours(24));
        }
        assertThat(dead).extracting(r -> EventJson.read(r.value(), DeliveryFailed.TYPE).recipientRole())
                .containsExactlyInAnyOrder("RUNNER", "PT");

        // Given up is final: SMTP back, and still nothing goes out.
        smtp.resume();
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(subjectsByRecipient())
                .doesNotContainKeys(plan.runner().email(), plan.physicalTherapist().email()));
        assertThat(deliveries(plan)).extracting(Row::state).containsExactly("FAILED", "FAILED");
    }

    @Test
    void aDeliveryThatCannotBeRenderedIsFailedAtOnceAndDeadLetteredWithItsReason() {
        String runnerId = Events.runnerId();
        UUID deliveryId = UUID.randomUUID();
        String address = runnerId + "@runners.example.org";
        // Stored as no listener would store it: an alert payload that is not an alert.
        sql("INSERT INTO delivery (id, alert_id, runner_id, recipient_role, recipient_id, recipient_name, recipient_email,"
                        + " runner_name, pt_name, severity, state, attempts, subject, alert_payload, created_at, next_attempt_at, kind)"
                        + " VALUES ($1, $2, $3, 'RUNNER', $3, $4, $5, $4, 'Dr. Sam Okafor', 'OVERLOAD', 'PENDING', 0,"
                        + " 'Rebound: unreadable', '{\"alertId\": ', now(), now(), 'ALERT')",
                deliveryId, UUID.randomUUID(), runnerId, "Robin " + runnerId, address);

        await().atMost(TIMEOUT).until(() -> deliveries(runnerId).stream().map(Row::state).toList().equals(List.of("FAILED")));
        Row row = deliveries(runnerId).get(0);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.lastError()).startsWith("cannot render: ");

        List<ConsumerRecord<String, String>> dead = new TopicReader(bootstrapServers()).await("notifications.dlq",
                r -> runnerId.equals(r.key()), 1, TIMEOUT, Duration.ofSeconds(2));
        assertThat(dead).hasSize(1);
        assertThat(record(dead.get(0))).satisfies(event -> {
            assertThat(event.deliveryId()).isEqualTo(deliveryId);
            assertThat(event.reason()).isEqualTo(DeliveryFailed.Reason.CANNOT_RENDER);
            assertThat(event.attempts()).isEqualTo(1);
            assertThat(event.lastError()).startsWith("cannot render: ");
        });
        assertThat(dead.get(0).value()).doesNotContain(address, "Robin", "Okafor");
        assertThat(Mails.to(address)).isEmpty();
    }

    private static DeliveryFailed record(ConsumerRecord<String, String> record) {
        assertThat(EventSchemas.violations(DeliveryFailed.TYPE, record.value())).isEmpty();
        return EventJson.read(record.value(), DeliveryFailed.TYPE);
    }

    /** A delivery as GET /api/v1/deliveries shows it. */
    private record Row(String recipientRole, String state, int attempts, String lastError, Instant createdAt,
            Instant sentAt) {
    }

    /** The runner's deliveries, the runner's own first. */
    private static List<Row> deliveries(PlanChanged plan) {
        return deliveries(plan.runnerId());
    }

    private static List<Row> deliveries(String runnerId) {
        List<Map<String, Object>> list = Callers.runner(runnerId).queryParam("runnerId", runnerId)
                .when().get("/api/v1/deliveries")
                .then().statusCode(200)
                .extract().jsonPath().getList("$");
        List<Row> rows = new ArrayList<>();
        for (Map<String, Object> item : list) {
            rows.add(new Row((String) item.get("recipientRole"), (String) item.get("state"), (Integer) item.get("attempts"),
                    (String) item.get("lastError"), instant(item.get("createdAt")), instant(item.get("sentAt"))));
        }
        rows.sort((a, b) -> b.recipientRole().compareTo(a.recipientRole()));
        return rows;
    }

    private static Instant instant(Object value) {
        return value == null ? null : Instant.parse((String) value);
    }

    /** The subjects of everything received so far, by recipient, from one read of the mailbox. */
    private static Map<String, List<String>> subjectsByRecipient() {
        Map<String, List<String>> received = new HashMap<>();
        try {
            for (MimeMessage message : Mails.mailbox().messages()) {
                for (String recipient : Mails.recipients(message)) {
                    received.computeIfAbsent(recipient, ignored -> new ArrayList<>()).add(message.getSubject());
                }
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        return received;
    }

    private void sql(String statement, Object... parameters) {
        database.preparedQuery(statement).execute(Tuple.from(parameters)).await().atMost(Duration.ofSeconds(10));
    }

    private long count(String query, Object... parameters) {
        return database.preparedQuery(query).execute(Tuple.from(parameters)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }

    private static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static String scrape() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
