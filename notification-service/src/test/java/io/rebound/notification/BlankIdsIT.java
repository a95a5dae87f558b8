package io.rebound.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.rebound.testkit.DevstackResource;
import io.rebound.testkit.InfraAvailable;
import io.rebound.infrastructure.Tokens;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A recipientId or runnerId given blank or as whitespace is a 400 naming it. */
@QuarkusTest
@ExtendWith(InfraAvailable.class)
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
class BlankIdsIT {

    private static final List<String> BLANK = List.of("%20", "%09", "%20%20");

    @Test
    void aBlankRecipientIdInThePathIsRefusedByName() {
        for (String blank : BLANK) {
            given().auth().oauth2(Tokens.admin()).urlEncodingEnabled(false)
                    .when().get("/api/v1/recipients/" + blank + "/preferences")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("recipientId"));
        }
    }

    @Test
    void aBlankRunnerIdInTheQueryIsRefusedByName() {
        for (String blank : BLANK) {
            given().auth().oauth2(Tokens.admin()).urlEncodingEnabled(false)
                    .when().get("/api/v1/deliveries?runnerId=" + blank)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("runnerId"));
        }
    }
}
