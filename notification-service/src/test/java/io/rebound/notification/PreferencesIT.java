package io.rebound.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.rebound.testkit.DevstackResource;
import io.rebound.testkit.InfraAvailable;
import io.rebound.events.DistanceUnit;
import io.rebound.events.OverloadAlertRaised;
import io.rebound.events.PlanChanged;
import io.rebound.events.Severity;
import io.rebound.notification.email.DigestService;
import io.rebound.support.vertx.SafeContexts;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Recipients' preferences over the API, and what they do to the emails: quiet hours and the PT's digest. */
@QuarkusTest
@ExtendWith(InfraAvailable.class)
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
class PreferencesIT {

    private static final Duration MAIL_TIMEOUT = Duration.ofSeconds(60);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    @Inject
    DigestService digests;

    @Inject
    Vertx vertx;

    @Test
    void runnerPreferencesStartFromThePlanAndAPutRoundTrips() {
        PlanChanged plan = Events.plan(Events.runnerId(), DistanceUnit.KM);
        Events.publishPlan(plan);
        String path = awaitKnown(plan.runnerId());

        Callers.recipientOf(path).when().get(path)
                .then().statusCode(200)
                .body("recipientId", equalTo(plan.runnerId()))
                .body("role", equalTo("RUNNER"))
                .body("email", equalTo(plan.runner().email()))
                .body("digest", equalTo(true))
                .body("quietHours", nullValue())
                .body("timeZone", equalTo("America/Chicago"))
                .body("unsubscribed", equalTo(false));

        put(path, Map.of("quietHours", Map.of("from", "22:00", "to", "07:00"), "timeZone", "Europe/London"))
                .then().statusCode(200)
                .body("quietHours.from", equalTo("22:00"))
                .body("quietHours.to", equalTo("07:00"))
                .body("timeZone", equalTo("Europe/London"));
        String stored = Callers.recipientOf(path).when().get(path).then().statusCode(200)
                .body("quietHours.from", equalTo("22:00"))
                .body("timeZone", equalTo("Europe/London"))
                .body("email", equalTo(plan.runner().email()))
                .extract().asString();

        // What GET gave, read-only fields and all, can be sent back as it is.
        Callers.recipientOf(path).contentType(ContentType.JSON).body(stored).when().put(path)
                .then().statusCode(200).body("quietHours.to", equalTo("07:00"));

        // PUT replaces the whole set: what is left out goes back to its default.
        put(path, Map.of()).then().statusCode(200)
                .body("quietHours", nullValue())
                .body("timeZone", equalTo("America/Chicago"))
                .body("digest", equalTo(true));
    }

    @Test
    void ptIdComesFromTheirAddressAndTheirDigestCanBeTurnedOff() {
        PlanChanged plan = withPt(Events.plan(Events.runnerId(), DistanceUnit.KM),
                new PlanChanged.Contact("Dr. Lee", "Lee-" + UUID.randomUUID() + "@Clinic.Example.org", "Europe/Dublin"));
        Events.publishPlan(plan);
        String ptId = ptIdOf(plan.physicalTherapist().email());
        String path = awaitKnown(ptId);

        Callers.recipientOf(path).when().get(path)
                .then().statusCode(200)
                .body("recipientId", equalTo(ptId))
                .body("role", equalTo("PT"))
                .body("email", equalTo(plan.physicalTherapist().email()))
                .body("timeZone", equalTo("Europe/Dublin"))
                .body("digest", equalTo(true));
        put(path, Map.of("digest", false)).then().statusCode(200).body("digest", equalTo(false));
        Callers.recipientOf(path).when().get(path).then().statusCode(200).body("digest", equalTo(false));
    }

    @Test
    void badPreferencesAreRefusedNamingTheFieldAndNothingIsStored() {
        PlanChanged plan = Events.plan(Events.runnerId(), DistanceUnit.KM);
        Events.publishPlan(plan);
        String path = awaitKnown(plan.runnerId());
        put(path, Map.of("quietHours", Map.of("from", "21:30", "to", "06:45"))).then().statusCode(200);

        Map<String, Object> quiet = Map.of("from", "22:00", "to", "07:00");
        Object[][] cases = {
                {Map.of("quietHours", Map.of("from", "25:00", "to", "07:00")), "quietHours.from", "HH:mm"},
                {Map.of("quietHours", Map.of("from", "22:00", "to", "7")), "quietHours.to", "HH:mm"},
                {Map.of("quietHours", Map.of("from", "22:00")), "quietHours.to", "must not be null"},
                {Map.of("quietHours", Map.of("from", "22:00", "to", "22:00")), "quietHours", "differs"},
                {Map.of("quietHours", quiet, "timeZone", "Mars/Olympus_Mons"), "timeZone", "IANA"},
                {Map.of("quietHours", quiet, "timeZone", "+02:00"), "timeZone", "not an offset"},
                {Map.of("quietHours", quiet, "snooze", true), "snooze", "not a preference"},
                {Map.of("quietHours", Map.of("from", "22:00", "to", "07:00", "days", "weekdays")), "quietHours.days",
                        "not a preference"},
                {Map.of("quietHours", quiet, "unsubscribed", true), "unsubscribed", "read-only"},
                {Map.of("quietHours", quiet, "email", "someone-else@example.org"), "email", "read-only"},
                {Map.of("quietHours", quiet, "digest", "sometimes"), "digest", ""},
        };
        for (Object[] bad : cases) {
            put(path, bad[0]).then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("status", equalTo(400))
                    .body("errors", hasSize(1))
                    .body("errors[0].field", equalTo(bad[1]))
                    .body("errors[0].message", containsString((String) bad[2]));
        }
        Callers.recipientOf(path).contentType(ContentType.JSON).body("{\"quietHours\": ").when().put(path)
                .then().statusCode(400).contentType("application/problem+json");

        Callers.recipientOf(path).when().get(path).then().statusCode(200)
                .body("quietHours.from", equalTo("21:30"))
                .body("quietHours.to", equalTo("06:45"))
                .body("timeZone", equalTo("America/Chicago"))
                .body("digest", equalTo(true));
    }

    @Test
    void unknownRecipientIsNotFound() {
        for (String id : new String[] {"nobody-" + UUID.randomUUID(), "pt-00000000000000000000"}) {
            Callers.admin().when().get("/api/v1/recipients/{id}/preferences", id)
                    .then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("detail", containsString(id));
            Callers.admin().contentType(ContentType.JSON).body("{\"digest\": false}")
                    .when().put("/api/v1/recipients/{id}/preferences", id)
                    .then().statusCode(404).contentType("application/problem+json");
        }
    }

    @Test
    void warningInsideQuietHoursWaitsForTheirEndWhileAnOverloadGoesOutAtOnce() throws Exception {
        PlanChanged plan = Events.plan(Events.runnerId(), DistanceUnit.KM);
        Events.publishPlan(plan);
        String path = awaitKnown(plan.runnerId());
        // Quiet hours from an hour ago to two hours from now, on London's clock.
        ZonedDateTime now = ZonedDateTime.now(LONDON).truncatedTo(ChronoUnit.MINUTES);
        ZonedDateTime end = now.plusHours(2);
        put(path, Map.of("quietHours", Map.of("from", now.minusHours(1).format(HH_MM), "to", end.format(HH_MM)),
                "timeZone", "Europe/London")).then().statusCode(200);

        OverloadAlertRaised warning = Events.longRideInRecover(plan);
        OverloadAlertRaised overload = Events.runInRest(plan, Severity.OVERLOAD);
        Events.publishAlert(warning, UUID.randomUUID().toString());
        Events.publishAlert(overload, UUID.randomUUID().toString());

        String runnerEmail = plan.runner().email();
        await().atMost(MAIL_TIMEOUT).until(() -> Mails.to(runnerEmail).size() == 1
                && Mails.to(plan.physicalTherapist().email()).size() == 1);
        assertThat(Mails.to(runnerEmail).get(0).getSubject()).startsWith("Rebound: ease off");

        await().atMost(MAIL_TIMEOUT).untilAsserted(() -> {
            Map<String, Object> held = delivery(plan, warning, "RUNNER");
            assertThat(held.get("state")).isEqualTo("PENDING");
            assertThat(held.get("nextAttemptAt")).as("the end of the quiet hours")
                    .isNotNull().extracting(at -> Instant.parse((String) at)).isEqualTo(end.toInstant());
            assertThat(held.get("attempts")).as("holding is not an attempt").isEqualTo(0);
        });
        assertThat(delivery(plan, overload, "RUNNER").get("state")).isEqualTo("SENT");
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10))
                .until(() -> Mails.to(runnerEmail).size() == 1);
    }

    @Test
    void ptWithTheDigestOffGetsNoDigestAndTheirWarningsAreSuppressed() throws Exception {
        PlanChanged plan = withPt(Events.plan(Events.runnerId(), DistanceUnit.KM),
                new PlanChanged.Contact("Dr. Moss", "nodigest-" + UUID.randomUUID() + "@clinic.example.org", "Europe/London"));
        Events.publishPlan(plan);
        String ptId = ptIdOf(plan.physicalTherapist().email());
        put(awaitKnown(ptId), Map.of("digest", false)).then().statusCode(200);

        OverloadAlertRaised warning = Events.longRideInRecover(plan);
        Events.publishAlert(warning, UUID.randomUUID().toString());
        await().atMost(MAIL_TIMEOUT).until(() -> Mails.to(plan.runner().email()).size() == 1);
        assertThat(delivery(plan, warning, "PT").get("state")).isEqualTo("PENDING_DIGEST");

        sendDueAt(LocalDate.now(LONDON).plusDays(3), LocalTime.of(7, 0));
        assertThat(delivery(plan, warning, "PT").get("state")).isEqualTo("SUPPRESSED");
        assertThat(Mails.to(plan.physicalTherapist().email())).isEmpty();
    }

    @Test
    void digestWhoseSevenOClockFallsInQuietHoursGoesOutWhenTheyEnd() throws Exception {
        PlanChanged plan = withPt(Events.plan(Events.runnerId(), DistanceUnit.KM),
                new PlanChanged.Contact("Dr. Hart", "late-" + UUID.randomUUID() + "@clinic.example.org"));
        Events.publishPlan(plan);
        String ptEmail = plan.physicalTherapist().email();
        String ptId = ptIdOf(ptEmail);
        put(awaitKnown(ptId), Map.of("quietHours", Map.of("from", "06:00", "to", "08:30"), "timeZone", "Europe/London"))
                .then().statusCode(200);
        Events.publishAlert(Events.longRideInRecover(plan), UUID.randomUUID().toString());
        await().atMost(MAIL_TIMEOUT).until(() -> Mails.to(plan.runner().email()).size() == 1);

        LocalDate day = LocalDate.now(LONDON).plusDays(2);
        sendDueAt(day, LocalTime.of(7, 0));
        sendDueAt(day, LocalTime.of(8, 29));
        assertThat(Mails.to(ptEmail)).as("held through the quiet hours").isEmpty();
        sendDueAt(day, LocalTime.of(8, 30));
        assertThat(Mails.to(ptEmail)).hasSize(1);

        MimeMessage digest = Mails.to(ptEmail).get(0);
        assertThat(digest.getSubject()).startsWith("Rebound: 1 warning for your runners");
        String unsubscribe = UnsubscribeIT.listUnsubscribeUrl(digest);
        assertThat(digest.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(Mails.part(digest, "text/plain")).contains(ptId, unsubscribe,
                "http://localhost:8080/settings/email");
        assertThat(Mails.part(digest, "text/html")).contains(ptId, unsubscribe);
    }

    private int sendDueAt(LocalDate date, LocalTime time) {
        Instant at = date.atTime(time).atZone(LONDON).toInstant();
        return SafeContexts.on(SafeContexts.fresh(vertx), () -> digests.sendDue(at)).await().atMost(Duration.ofSeconds(30));
    }

    /** The preferences path of a recipient, once their plan has reached the contact directory. */
    static String awaitKnown(String recipientId) {
        String path = "/api/v1/recipients/" + recipientId + "/preferences";
        await().atMost(Duration.ofSeconds(30)).until(() -> Callers.recipientOf(path).when().get(path).statusCode() == 200);
        return path;
    }

    static Response put(String path, Object body) {
        return Callers.recipientOf(path).contentType(ContentType.JSON).body(body).when().put(path);
    }

    /** An alert's delivery to one role, as GET /api/v1/deliveries shows it; empty while there is none. */
    static Map<String, Object> delivery(PlanChanged plan, OverloadAlertRaised alert, String role) {
        Map<String, Object> found = Callers.runner(plan.runnerId()).queryParam("runnerId", plan.runnerId())
                .when().get("/api/v1/deliveries")
                .then().statusCode(200)
                .extract().path("find { it.alertId == '%s' && it.recipientRole == '%s' && it.kind == 'ALERT' }"
                        .formatted(alert.alertId(), role));
        return found == null ? Map.of() : found;
    }

    static PlanChanged withPt(PlanChanged plan, PlanChanged.Contact pt) {
        return new PlanChanged(plan.planId(), plan.runnerId(), plan.raceDate(), plan.timeZone(), plan.peakWeekMetres(),
                plan.distanceUnit(), plan.runner(), pt, plan.changedAt(), false);
    }

    /** A PT's recipient id, worked out here independently of the service: "pt-" + 20 hex of SHA-256(address). */
    static String ptIdOf(String email) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(email.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "pt-" + HexFormat.of().formatHex(hash).substring(0, 20);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
