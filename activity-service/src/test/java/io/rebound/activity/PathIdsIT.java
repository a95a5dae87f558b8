package io.rebound.activity;

import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.rebound.testkit.DevstackResource;
import io.rebound.testkit.InfraAvailable;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An id in a path that is blank or no id at all is a 400 naming it, never an answer about nobody. */
@QuarkusTest
@ExtendWith(InfraAvailable.class)
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "activity"))
@QuarkusTestResource(ProviderApisResource.class)
class PathIdsIT {

    private static final List<String> BLANK = List.of("%20", "%20%20", "%09", "%0A");

    @Test
    void aBlankRunnerIdInThePathIsRefusedByName() {
        for (String blank : BLANK) {
            Callers.admin().urlEncodingEnabled(false).when().get("/api/v1/runners/" + blank + "/activities")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("runnerId"));
            Callers.admin().urlEncodingEnabled(false).when().get("/api/v1/runners/" + blank + "/connections")
                    .then().statusCode(400).body("errors[0].field", equalTo("runnerId"));
        }
    }

    @Test
    void anActivityIdThatIsNoUuidIsRefusedByName() {
        for (String id : List.of("%20", "not-a-uuid", "1-1-1-1-1")) {
            Callers.admin().urlEncodingEnabled(false).when().get("/api/v1/runners/runner-1/activities/" + id)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("activityId"));
        }
    }
}
