package io.rebound.plan.api;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.rebound.devstack.DevstackResource;
import io.rebound.devstack.InfraAvailable;
import io.rebound.devstack.Tokens;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audience check a deployment may turn on (REBOUND_JWT_AUDIENCE): then only tokens whose {@code aud} names it
 * are accepted. Every service reads the same key; plan-service stands for all three here.
 */
@QuarkusTest
@TestProfile(JwtOptionsIT.WithAudience.class)
@ExtendWith(InfraAvailable.class)
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "plan"))
class JwtOptionsIT {

    public static class WithAudience implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.jwt.verify.audiences", "rebound-api");
        }
    }

    /** An admin asking for a plan nobody has: 404 once the token is accepted, 401 when it is not. */
    private static final String NO_PLAN = "/api/v1/plans/nobody-has-this-plan";

    @Test
    void withAnAudienceSetOnlyTokensNamingItAreAccepted() {
        given().auth().oauth2(Tokens.forAudience("rebound-api", "ops", "admin")).get(NO_PLAN).then().statusCode(404);
        given().auth().oauth2(Tokens.forAudience("another-api", "ops", "admin")).get(NO_PLAN)
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.admin()).get(NO_PLAN).then().statusCode(401).contentType("application/problem+json");
    }
}
