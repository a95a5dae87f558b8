package io.rebound.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.rebound.infrastructure.EmbeddedInfrastructure;
import io.rebound.infrastructure.InfraMode;
import io.rebound.infrastructure.Infrastructure;
import io.rebound.infrastructure.Smtp;
import io.rebound.infrastructure.TokenIssuer;
import io.rebound.infrastructure.Tokens;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Real Kafka, PostgreSQL and SMTP, and a token issuer ({@link Tokens}), for a module's {@code @QuarkusTest}s, on random ports. Give every test class
 * of a module the same annotation so Quarkus boots once: {@code @QuarkusTestResource(value =
 * DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "plan"))}.
 */
public class DevstackResource implements QuarkusTestResourceLifecycleManager {

    private static volatile Smtp smtp;

    private Infrastructure infrastructure;
    private TokenIssuer issuer;
    private String database = "rebound";

    /**
     * The embedded SMTP server of the devstack this JVM's tests run against, for tests of an SMTP outage
     * ({@link Smtp#pause()}, {@link Smtp#resume()}); empty with {@code -Dinfra=containers} or {@code external},
     * whose SMTP server is not this JVM's to stop.
     */
    public static Optional<Smtp> smtp() {
        return Optional.ofNullable(smtp);
    }

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        InfraMode mode = InfraMode.current();
        String reason = mode.unavailableReason();
        if (reason != null) {
            throw new IllegalStateException(reason);
        }
        try {
            infrastructure = mode.start(Path.of(System.getProperty("java.io.tmpdir"), "devstack"));
        } catch (Exception e) {
            throw new IllegalStateException("devstack could not start " + mode + " infrastructure: " + e.getMessage(), e);
        }
        smtp = infrastructure instanceof EmbeddedInfrastructure embedded ? embedded.smtp() : null;
        try {
            issuer = TokenIssuer.start(0);
        } catch (java.io.IOException e) {
            infrastructure.close();
            throw new IllegalStateException("devstack could not start its token issuer: " + e.getMessage(), e);
        }
        // Tests in this JVM ask the issuer for tokens (Tokens.runner(...)) whatever their class loader.
        System.setProperty(Tokens.TOKEN_URL_PROPERTY, issuer.baseUrl() + "/token");
        Map<String, String> config = new java.util.LinkedHashMap<>(infrastructure.endpoints().quarkusConfig(database));
        config.putAll(issuer.quarkusConfig());
        return config;
    }

    @Override
    public void stop() {
        smtp = null;
        if (issuer != null) {
            issuer.close();
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
    }
}
