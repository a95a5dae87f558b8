package io.rebound.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.rebound.testkit.DevstackResource;
import io.rebound.testkit.InfraAvailable;
import io.rebound.events.DistanceUnit;
import io.rebound.events.PlanChanged;
import io.rebound.events.Severity;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A plan on the plans topic that gives its PT an id of their own: that id, not the one derived from the email, is
 * the PT's recipient id (preferences, email footer) and the subject their token must carry here.
 */
@QuarkusTest
@ExtendWith(InfraAvailable.class)
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
class PtIdFromThePlanIT {

    private static final Duration MAIL_TIMEOUT = Duration.ofSeconds(60);

    @Test
    void thePtIdOnThePlanNamesThePtEverywhere() throws Exception {
        String ptId = "clinic-" + UUID.randomUUID().toString().substring(0, 8);
        PlanChanged plain = Events.plan(Events.runnerId(), DistanceUnit.KM);
        String ptEmail = plain.physicalTherapist().email();
        PlanChanged plan = Events.withPt(plain, new PlanChanged.Contact("Dr. Sam Okafor", ptEmail, null, ptId));
        String derived = PreferencesIT.ptIdOf(ptEmail);
        Events.publishPlan(plan);

        String preferences = "/api/v1/recipients/" + ptId + "/preferences";
        await().atMost(Duration.ofSeconds(30)).until(() -> Callers.pt(ptId).get(preferences).statusCode() == 200);
        Callers.pt(ptId).get(preferences).then().statusCode(200)
                .body("recipientId", equalTo(ptId)).body("role", equalTo("PT")).body("email", equalTo(ptEmail));
        Callers.admin().get("/api/v1/recipients/{id}/preferences", derived).then().statusCode(404);
        Callers.pt(derived).get("/api/v1/deliveries?runnerId=" + plan.runnerId()).then().statusCode(404);

        Events.publishAlert(Events.runInRest(plan, Severity.OVERLOAD), UUID.randomUUID().toString());
        await().atMost(MAIL_TIMEOUT).until(() -> Mails.to(ptEmail).size() == 1);
        MimeMessage toPt = Mails.to(ptEmail).get(0);
        assertThat(Mails.part(toPt, "text/plain")).contains("Your recipient id: " + ptId, "http://localhost:8080/settings/email")
                .doesNotContain(derived);
        Callers.pt(ptId).get("/api/v1/deliveries?runnerId=" + plan.runnerId()).then().statusCode(200)
                .body("recipientRole", hasItem("PT"));
    }

    @Test
    void aPlanWithoutAPtIdStillNamesThePtByTheIdDerivedFromTheEmail() {
        PlanChanged plan = Events.plan(Events.runnerId(), DistanceUnit.MI);
        String derived = PreferencesIT.ptIdOf(plan.physicalTherapist().email());
        Events.publishPlan(plan);
        String preferences = "/api/v1/recipients/" + derived + "/preferences";
        await().atMost(Duration.ofSeconds(30)).until(() -> Callers.pt(derived).get(preferences).statusCode() == 200);
        Callers.pt(derived).get("/api/v1/deliveries?runnerId=" + plan.runnerId()).then().statusCode(200);
    }
}
