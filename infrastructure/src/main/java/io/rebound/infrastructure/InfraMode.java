package io.rebound.infrastructure;

import java.nio.file.Path;
import java.util.Locale;

/** Where tests get their Kafka, PostgreSQL and SMTP from, chosen with {@code -Dinfra=embedded|containers|external}. */
public enum InfraMode {
    EMBEDDED,
    CONTAINERS,
    EXTERNAL;

    public static InfraMode current() {
        String value = System.getProperty("infra", "embedded").trim().toUpperCase(Locale.ROOT);
        try {
            return valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("-Dinfra must be embedded, containers or external, got '"
                    + System.getProperty("infra") + "'");
        }
    }

    /** Why tests cannot run in this mode on this machine, or null when they can. */
    public String unavailableReason() {
        if (this == CONTAINERS && !ContainerInfrastructure.dockerAvailable()) {
            return "-Dinfra=containers needs a running Docker engine and none answered; "
                    + "run without -Dinfra to use the embedded Kafka, PostgreSQL and SMTP instead";
        }
        return null;
    }

    public Infrastructure start(Path workDir) throws Exception {
        return switch (this) {
            case EMBEDDED -> EmbeddedInfrastructure.start(Ports.Plan.RANDOM, workDir);
            case CONTAINERS -> ContainerInfrastructure.start();
            case EXTERNAL -> ExternalInfrastructure.fromEnvironment();
        };
    }
}
