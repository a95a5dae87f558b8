package io.rebound.devstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;

/**
 * Real Kafka, PostgreSQL and SMTP for a module's {@code @QuarkusTest}s, on random ports. Give every test class
 * of a module the same annotation so Quarkus boots once: {@code @QuarkusTestResource(value =
 * DevstackResource.class, initArgs = @ResourceArg(name = "database", value = "plan"))}.
 */
public class DevstackResource implements QuarkusTestResourceLifecycleManager {

    private Infrastructure infrastructure;
    private String database = "rebound";

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
        return infrastructure.endpoints().quarkusConfig(database);
    }

    @Override
    public void stop() {
        if (infrastructure != null) {
            infrastructure.close();
        }
    }
}
