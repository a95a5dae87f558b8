package io.rebound.infrastructure;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the running infrastructure can be reached.
 *
 * @param mailboxUrl base URL of a Mailpit-compatible HTTP API listing the mail the SMTP server received
 */
public record Endpoints(
        String kafkaBootstrapServers,
        String postgresHost,
        int postgresPort,
        String postgresUser,
        String postgresPassword,
        String smtpHost,
        int smtpPort,
        String mailboxUrl) {

    /** The Quarkus configuration that points a service at this infrastructure and at its own database. */
    public Map<String, String> quarkusConfig(String database) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", kafkaBootstrapServers);
        config.put("quarkus.datasource.reactive.url", "postgresql://" + postgresHost + ":" + postgresPort + "/" + database);
        config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + postgresHost + ":" + postgresPort + "/" + database);
        config.put("quarkus.datasource.username", postgresUser);
        config.put("quarkus.datasource.password", postgresPassword);
        config.put("quarkus.mailer.host", smtpHost);
        config.put("quarkus.mailer.port", Integer.toString(smtpPort));
        config.put("rebound.devstack.mailbox-url", mailboxUrl);
        return config;
    }
}
