package io.rebound.infrastructure;

/**
 * Servers someone else runs ({@code -Dinfra=external}), named by environment variables: REBOUND_KAFKA_BOOTSTRAP,
 * REBOUND_PG_HOST, REBOUND_PG_PORT, REBOUND_PG_USER, REBOUND_PG_PASSWORD, REBOUND_SMTP_HOST, REBOUND_SMTP_PORT and
 * REBOUND_MAILBOX_URL (a Mailpit API).
 */
public final class ExternalInfrastructure implements Infrastructure {

    private final Endpoints endpoints;

    private ExternalInfrastructure(Endpoints endpoints) {
        this.endpoints = endpoints;
    }

    public static ExternalInfrastructure fromEnvironment() throws Exception {
        Endpoints endpoints = new Endpoints(required("REBOUND_KAFKA_BOOTSTRAP"), required("REBOUND_PG_HOST"),
                Integer.parseInt(required("REBOUND_PG_PORT")), required("REBOUND_PG_USER"), required("REBOUND_PG_PASSWORD"),
                required("REBOUND_SMTP_HOST"), Integer.parseInt(required("REBOUND_SMTP_PORT")), required("REBOUND_MAILBOX_URL"));
        Layout.apply(endpoints);
        return new ExternalInfrastructure(endpoints);
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("-Dinfra=external needs the environment variable " + name);
        }
        return value;
    }

    @Override
    public Endpoints endpoints() {
        return endpoints;
    }

    @Override
    public void close() {
        // Not ours to stop.
    }
}
