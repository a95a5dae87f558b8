package io.rebound.plan.api;

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

/** A runnerId given blank or as whitespace is a 400 naming it, in the path and in the query alike. */
@QuarkusTest
@ExtendWith(InfraAvailable.class)
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "plan"))
class BlankIdsIT {

    private static final List<String> BLANK = List.of("%20", "%09", "%20%20");

    @Test
    void aBlankRunnerIdIsRefusedByName() {
        for (String blank : BLANK) {
            for (String path : List.of("/api/v1/plans/" + blank, "/api/v1/plans/" + blank + "/caps",
                    "/api/v1/alerts?runnerId=" + blank)) {
                given().auth().oauth2(Tokens.admin()).urlEncodingEnabled(false).when().get(path)
                        .then().statusCode(400).contentType("application/problem+json")
                        .body("errors[0].field", equalTo("runnerId"));
            }
        }
    }
}
