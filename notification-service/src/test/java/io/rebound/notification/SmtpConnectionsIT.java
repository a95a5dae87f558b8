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
import io.rebound.events.DistanceUnit;
import io.rebound.events.OverloadAlertRaised;
import io.rebound.events.PlanChanged;
import io.rebound.events.Severity;
import io.rebound.notification.email.AlertEmail;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How emails use SMTP connections: kept open and used for one email after another, opened again when the server
 * cut one, and each alert's chart drawn once for both of its emails and their retries.
 */
@QuarkusTest
@ExtendWith(InfraAvailable.class)
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
class SmtpConnectionsIT extends SmtpStopping {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Inject
    Pool database;

    @Test
    void manyEmailsGoOverNoMoreConnectionsThanAreSentAtOnce() throws IOException {
        int atOnce = ConfigProvider.getConfig().getValue("rebound.notification.send-concurrency", Integer.class);
        List<PlanChanged> plans = IntStream.range(0, atOnce + 4)
                .mapToObj(i -> Events.plan(Events.runnerId(), DistanceUnit.KM)).toList();
        plans.forEach(Events::publishPlan);
        Set<Integer> before = smtpClientPorts();

        plans.forEach(plan -> Events.publishAlert(Events.runInRest(plan, Severity.OVERLOAD), UUID.randomUUID().toString()));
        await().atMost(TIMEOUT).until(() -> plans.stream().allMatch(plan -> sent(plan.runnerId()) == 2));

        // Each connection this JVM opened to the SMTP server is listed by the kernel while open and for a minute
        // after it closes (TIME_WAIT), by its client port: one connection per email would show two per alert.
        Set<Integer> opened = new HashSet<>(smtpClientPorts());
        opened.removeAll(before);
        assertThat(2 * plans.size()).isGreaterThan(atOnce);
        assertThat(opened).as("connections opened for %d emails", 2 * plans.size()).hasSizeLessThanOrEqualTo(atOnce);
    }

    @Test
    void aConnectionTheServerCutBetweenEmailsIsOpenedAgainWithoutAFailedAttempt() throws Exception {
        PlanChanged first = Events.plan(Events.runnerId(), DistanceUnit.KM);
        PlanChanged second = Events.plan(Events.runnerId(), DistanceUnit.KM);
        Events.publishPlan(first);
        Events.publishPlan(second);
        Events.publishAlert(Events.runInRest(first, Severity.OVERLOAD), UUID.randomUUID().toString());
        await().atMost(TIMEOUT).until(() -> sent(first.runnerId()) == 2);

        // The server restarts: the connections kept open for the next emails are cut.
        smtp.pause();
        smtp.resume();
        Events.publishAlert(Events.runInRest(second, Severity.OVERLOAD), UUID.randomUUID().toString());

        await().atMost(TIMEOUT).until(() -> sent(second.runnerId()) == 2);
        assertThat(rows("SELECT attempts || ' ' || coalesce(last_error, 'no error') FROM delivery WHERE runner_id = $1",
                second.runnerId())).containsExactly("1 no error", "1 no error");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (PlanChanged plan : List.of(first, second)) {
                assertThat(Mails.to(plan.runner().email())).hasSize(1);
                assertThat(Mails.to(plan.physicalTherapist().email())).hasSize(1);
            }
        });
    }

    @Test
    void anAlertsChartIsDrawnOnceForBothOfItsEmailsAndEveryRetry() throws Exception {
        PlanChanged plan = Events.plan(Events.runnerId(), DistanceUnit.KM);
        OverloadAlertRaised alert = overloadWithItsWindow(plan);
        Events.publishPlan(plan);
        double drawnBefore = chartsDrawn();
        smtp.pause();
        Events.publishAlert(alert, UUID.randomUUID().toString());

        // Each email is rendered for each attempt, and refused while the server is down.
        await().atMost(TIMEOUT).until(() -> rows("SELECT attempts FROM delivery WHERE runner_id = $1 AND attempts >= 2",
                plan.runnerId()).size() == 2);
        smtp.resume();
        await().atMost(TIMEOUT).until(() -> sent(plan.runnerId()) == 2);

        assertThat(chartsDrawn()).isEqualTo(drawnBefore + 1);
        MimeMessage toRunner = Mails.to(plan.runner().email()).get(0);
        MimeMessage toPt = Mails.to(plan.physicalTherapist().email()).get(0);
        byte[] chart = Mails.inline(toRunner, AlertEmail.CHART_ID);
        assertThat(chart).isNotEmpty();
        assertThat(Mails.inline(toPt, AlertEmail.CHART_ID)).isEqualTo(chart);
    }

    /** A run in the Rest phase (an OVERLOAD, so both runner and PT are emailed at once) with its window's running. */
    private static OverloadAlertRaised overloadWithItsWindow(PlanChanged plan) {
        OverloadAlertRaised rest = Events.runInRest(plan, Severity.OVERLOAD);
        return new OverloadAlertRaised(rest.alertId(), rest.planId(), rest.runnerId(), rest.rule(), rest.ruleText(),
                rest.severity(), rest.phase(), rest.day(), rest.date(), rest.quantity(), rest.limit(), rest.actual(),
                rest.distanceUnit(), rest.activity(), rest.activityAcceptedAt(), rest.raisedAt(), null,
                new OverloadAlertRaised.WindowRunning(1, 3, List.of(0.0, 5000.0, 0.0), 0.0, 0.0, 0.0));
    }

    private static double chartsDrawn() {
        String scrape = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return PrometheusText.value(scrape, "rebound_email_charts_drawn_total", Map.of());
    }

    private long sent(String runnerId) {
        return rows("SELECT id FROM delivery WHERE runner_id = $1 AND state = 'SENT'", runnerId).size();
    }

    private List<String> rows(String sql, String runnerId) {
        List<String> values = new ArrayList<>();
        database.preparedQuery(sql).execute(Tuple.of(runnerId)).await().atMost(Duration.ofSeconds(10))
                .forEach(row -> values.add(String.valueOf(row.getValue(0))));
        values.sort(null);
        return values;
    }

    /**
     * The client ports of this JVM's TCP connections to the SMTP server, open or closed within the last minute, from
     * the kernel's table (the server is in this JVM too: its side of each connection names the same port).
     */
    private Set<Integer> smtpClientPorts() throws IOException {
        int server = smtp.smtpPort();
        Set<Integer> ports = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.exists(path)) {
                continue;
            }
            // Read once: the table changes while connections open and close.
            List<String> lines = Files.readAllLines(path);
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                int local = port(fields[1]);
                int remote = port(fields[2]);
                if (remote == server) {
                    ports.add(local);
                } else if (local == server && remote != 0) {
                    ports.add(remote);
                }
            }
        }
        assertThat(Files.exists(Path.of("/proc/net/tcp"))).as("the kernel's TCP table (Linux)").isTrue();
        return ports;
    }

    private static int port(String hexAddress) {
        return Integer.parseInt(hexAddress.substring(hexAddress.lastIndexOf(':') + 1), 16);
    }
}
