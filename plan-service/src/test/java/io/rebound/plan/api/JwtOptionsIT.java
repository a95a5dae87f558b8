package io.rebound.plan.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.rebound.testkit.DevstackResource;
import io.rebound.testkit.InfraAvailable;
import io.rebound.infrastructure.Tokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audience check as production has it (REBOUND_JWT_AUDIENCE, else rebound-api): only tokens whose {@code aud}
 * names it are accepted. Every service reads the same keys; plan-service stands for all three here.
 */
@QuarkusTest
@TestProfile(JwtOptionsIT.AsInProduction.class)
@ExtendWith(InfraAvailable.class)
@QuarkusTestResource(value = DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "plan"))
class JwtOptionsIT {

    /** The audience setting of the prod profile, word for word from application.properties, for this test's run. */
    public static class AsInProduction implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Properties properties = new Properties();
            try (InputStream in = JwtOptionsIT.class.getClassLoader().getResourceAsStream("application.properties")) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String prod = properties.getProperty("%prod.mp.jwt.verify.audiences");
            if (prod == null) {
                throw new IllegalStateException("application.properties sets no %prod.mp.jwt.verify.audiences");
            }
            return Map.of("mp.jwt.verify.audiences", prod);
        }
    }

    /** An admin asking for a plan nobody has: 404 once the token is accepted, 401 when it is not. */
    private static final String NO_PLAN = "/api/v1/plans/nobody-has-this-plan";

    @Test
    void inProductionOnlyTokensNamingTheAudienceAreAccepted() {
        assertThat(ConfigProvider.getConfig().getValue("mp.jwt.verify.audiences", String.class))
                .as("the documented default, REBOUND_JWT_AUDIENCE being unset here").isEqualTo("rebound-api");
        given().auth().oauth2(Tokens.forAudience("rebound-api", "ops", "admin")).get(NO_PLAN).then().statusCode(404);
        // devstack's token issuer names it unless asked otherwise, as the realm's clients do.
        given().auth().oauth2(Tokens.admin()).get(NO_PLAN).then().statusCode(404);
        given().auth().oauth2(Tokens.forAudience("another-api", "ops", "admin")).get(NO_PLAN)
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.withoutAudience("ops", "admin")).get(NO_PLAN)
                .then().statusCode(401).contentType("application/problem+json");
    }
}
