package io.rebound.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.rebound.testkit.DevstackResource;
import io.rebound.testkit.InfraAvailable;
import io.rebound.events.DistanceUnit;
import io.rebound.events.OverloadAlertRaised;
import io.rebound.events.PlanChanged;
import io.rebound.events.Severity;
import io.restassured.http.ContentType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The unsubscribe link and one-click header every email carries, and an unsubscribed address hearing nothing more. */
@QuarkusTest
@ExtendWith(InfraAvailable.class)
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
class UnsubscribeIT {

    private static final Duration MAIL_TIMEOUT = Duration.ofSeconds(60);
    /** rebound.notification.public-url, left at its default in the tests. */
    private static final String PUBLIC_URL = "http://localhost:8083";
    /** The web app (rebound.notification.base-url's default), where the email settings are. */
    private static final String WEB_SETTINGS = "http://localhost:8080/settings/email";

    @Test
    void linkInTheEmailUnsubscribesOnlyOnPostAndTheAddressHearsNothingMore() throws Exception {
        PlanChanged plan = Events.plan(Events.runnerId(), DistanceUnit.MI);
        Events.publishPlan(plan);
        Events.publishAlert(Events.runInRest(plan, Severity.OVERLOAD), UUID.randomUUID().toString());
        String runnerEmail = plan.runner().email();
        String ptEmail = plan.physicalTherapist().email();
        await().atMost(MAIL_TIMEOUT).until(() -> Mails.to(runnerEmail).size() == 1 && Mails.to(ptEmail).size() == 1);

        MimeMessage toRunner = Mails.to(runnerEmail).get(0);
        String link = listUnsubscribeUrl(toRunner);
        assertThat(link).startsWith(PUBLIC_URL + "/unsubscribe?token=");
        assertThat(toRunner.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        String preferences = WEB_SETTINGS;
        assertThat(Mails.part(toRunner, "text/plain")).contains(link, preferences);
        assertThat(Mails.part(toRunner, "text/html")).contains("href=\"" + link + "\"", "href=\"" + preferences + "\"");

        MimeMessage toPt = Mails.to(ptEmail).get(0);
        String ptId = PreferencesIT.ptIdOf(ptEmail);
        assertThat(listUnsubscribeUrl(toPt)).startsWith(PUBLIC_URL + "/unsubscribe?token=").isNotEqualTo(link);
        assertThat(Mails.part(toPt, "text/plain")).contains("Your recipient id: " + ptId, WEB_SETTINGS);

        String token = link.substring(link.indexOf("token=") + "token=".length());
        String runnerPreferences = PreferencesIT.awaitKnown(plan.runnerId());

        // Opening the link (or a scanner prefetching it) shows a page and changes nothing.
        given().queryParam("token", token).when().get("/unsubscribe")
                .then().statusCode(200)
                .contentType(ContentType.HTML)
                .body(containsString("<form method=\"post\""), containsString(runnerEmail));
        Callers.recipientOf(runnerPreferences).when().get(runnerPreferences).then().statusCode(200).body("unsubscribed", equalTo(false));

        // A token whose payload was swapped for the PT's is refused, on both verbs, and changes nothing.
        String forged = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("v1\n" + ptId + "\n" + ptEmail).getBytes(StandardCharsets.UTF_8))
                + token.substring(token.indexOf('.'));
        given().queryParam("token", forged).contentType(ContentType.URLENC).formParam("List-Unsubscribe", "One-Click")
                .when().post("/unsubscribe")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("token"));
        given().queryParam("token", forged).when().get("/unsubscribe")
                .then().statusCode(400).contentType(ContentType.HTML).body(not(containsString("<form")));
        given().when().post("/unsubscribe").then().statusCode(400).contentType("application/problem+json");
        Callers.pt(ptId).when().get("/api/v1/recipients/" + ptId + "/preferences")
                .then().statusCode(200).body("unsubscribed", equalTo(false));
        Callers.recipientOf(runnerPreferences).when().get(runnerPreferences).then().statusCode(200).body("unsubscribed", equalTo(false));

        // RFC 8058 one-click: a POST of List-Unsubscribe=One-Click to the link; a second one changes nothing.
        for (int click = 0; click < 2; click++) {
            given().queryParam("token", token).contentType(ContentType.URLENC).formParam("List-Unsubscribe", "One-Click")
                    .when().post("/unsubscribe")
                    .then().statusCode(200).contentType(ContentType.HTML).body(containsString(runnerEmail));
        }
        Callers.recipientOf(runnerPreferences).when().get(runnerPreferences).then().statusCode(200).body("unsubscribed", equalTo(true));
        given().queryParam("token", token).when().get("/unsubscribe")
                .then().statusCode(200).body(containsString("already unsubscribed"), not(containsString("<form")));
        PreferencesIT.put(runnerPreferences, Map.of("unsubscribed", false))
                .then().statusCode(400).body("errors[0].field", equalTo("unsubscribed"));

        // The next alert reaches the PT, not the runner: the runner's delivery is closed unsent.
        OverloadAlertRaised next = Events.runInRest(plan, Severity.OVERLOAD);
        Events.publishAlert(next, UUID.randomUUID().toString());
        await().atMost(MAIL_TIMEOUT).until(() -> Mails.to(ptEmail).size() == 2);
        await().atMost(MAIL_TIMEOUT).until(() -> "SUPPRESSED".equals(PreferencesIT.delivery(plan, next, "RUNNER").get("state")));
        assertThat(PreferencesIT.delivery(plan, next, "RUNNER").get("attempts")).isEqualTo(0);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> Mails.to(runnerEmail).size() == 1);
    }

    @Test
    void withdrawalNoticeCarriesTheFooterAndHeadersToo() throws Exception {
        PlanChanged plan = Events.plan(Events.runnerId(), DistanceUnit.KM);
        OverloadAlertRaised alert = Events.runInRest(plan, Severity.OVERLOAD);
        Events.publishPlan(plan);
        Events.publishAlert(alert, UUID.randomUUID().toString());
        await().atMost(MAIL_TIMEOUT).until(() -> Mails.to(plan.runner().email()).size() == 1);
        Events.publishWithdrawal(Events.withdrawal(alert, "the run was deleted"), UUID.randomUUID().toString());
        await().atMost(MAIL_TIMEOUT).until(() -> Mails.to(plan.runner().email()).size() == 2);

        for (MimeMessage message : Mails.to(plan.runner().email())) {
            assertThat(listUnsubscribeUrl(message)).startsWith(PUBLIC_URL + "/unsubscribe?token=");
            assertThat(Mails.part(message, "text/plain")).contains("Stop all emails from Rebound: " + listUnsubscribeUrl(message));
        }
    }

    /** The URL in the List-Unsubscribe header, {@code <...>} taken off. */
    static String listUnsubscribeUrl(MimeMessage message) throws MessagingException {
        String header = message.getHeader("List-Unsubscribe", null);
        assertThat(header).as("List-Unsubscribe").isNotNull();
        String value = MimeUtility.unfold(header).strip();
        assertThat(value).startsWith("<").endsWith(">");
        List<String> urls = List.of(value.substring(1, value.length() - 1).split(">\\s*,\\s*<"));
        assertThat(urls).hasSize(1);
        return urls.get(0).replaceAll("\\s", "");
    }
}
