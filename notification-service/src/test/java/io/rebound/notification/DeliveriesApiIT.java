package io.rebound.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.rebound.testkit.DevstackResource;
import io.rebound.testkit.InfraAvailable;
import io.rebound.events.DistanceUnit;
import io.rebound.events.OverloadAlertRaised;
import io.rebound.events.PlanChanged;
import io.rebound.events.Severity;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@QuarkusTest
@ExtendWith(InfraAvailable.class)
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
class DeliveriesApiIT {

    @Test
    void deliveriesEndpointShowsWhatWasSent() {
        PlanChanged plan = Events.plan(Events.runnerId(), DistanceUnit.MI);
        OverloadAlertRaised alert = Events.runInRest(plan, Severity.OVERLOAD);
        Events.publishPlan(plan);
        Events.publishAlert(alert, UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(60)).until(() -> Callers.runner(plan.runnerId()).queryParam("runnerId", plan.runnerId())
                .when().get("/api/v1/deliveries")
                .then().statusCode(200)
                .extract().<List<String>>path("state").equals(List.of("SENT", "SENT")));

        Callers.runner(plan.runnerId()).queryParam("runnerId", plan.runnerId())
                .when().get("/api/v1/deliveries")
                .then().statusCode(200)
                .body("$", hasSize(2))
                .body("alertId", everyItem(equalTo(alert.alertId().toString())))
                .body("recipientRole", containsInAnyOrder("RUNNER", "PT"))
                .body("recipientEmail", containsInAnyOrder(plan.runner().email(), plan.physicalTherapist().email()))
                .body("attempts", everyItem(equalTo(1)))
                .body("createdAt", everyItem(notNullValue()))
                .body("sentAt", everyItem(notNullValue()))
                .body("subject", everyItem(containsString("day 2")));
        Callers.admin().queryParam("runnerId", "nobody-" + UUID.randomUUID())
                .when().get("/api/v1/deliveries")
                .then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void missingRunnerIdIsAProblemNamingTheField() {
        Callers.admin().when().get("/api/v1/deliveries")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo("runnerId"));
    }

    @Test
    void readinessCoversKafkaAndTheDatabase() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems(containsString("Kafka"),
                        containsString("Reactive PostgreSQL")));
    }
}
