package io.rebound.infrastructure;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** The same three servers as containers, for machines with a Docker engine ({@code -Dinfra=containers}). */
public final class ContainerInfrastructure implements Infrastructure {

    private static final int MAILPIT_SMTP = 1025;
    private static final int MAILPIT_HTTP = 8025;

    private final KafkaContainer kafka;
    private final PostgreSQLContainer postgres;
    private final GenericContainer<?> mailpit;

    private ContainerInfrastructure(KafkaContainer kafka, PostgreSQLContainer postgres, GenericContainer<?> mailpit) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.mailpit = mailpit;
    }

    public static boolean dockerAvailable() {
        return DockerProbe.engineAnswers();
    }

    public static ContainerInfrastructure start() throws Exception {
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2");
        PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine")
                .withUsername(Postgres.USER).withPassword(Postgres.PASSWORD);
        GenericContainer<?> mailpit = new GenericContainer<>("axllent/mailpit:v1.27")
                .withExposedPorts(MAILPIT_SMTP, MAILPIT_HTTP);
        ContainerInfrastructure infrastructure = new ContainerInfrastructure(kafka, postgres, mailpit);
        try {
            kafka.start();
            postgres.start();
            mailpit.start();
            Layout.apply(infrastructure.endpoints());
            return infrastructure;
        } catch (Exception | Error e) {
            infrastructure.close();
            throw e;
        }
    }

    @Override
    public Endpoints endpoints() {
        return new Endpoints(kafka.getBootstrapServers(), postgres.getHost(), postgres.getMappedPort(5432),
                postgres.getUsername(), postgres.getPassword(), mailpit.getHost(), mailpit.getMappedPort(MAILPIT_SMTP),
                "http://" + mailpit.getHost() + ":" + mailpit.getMappedPort(MAILPIT_HTTP));
    }

    @Override
    public void close() {
        mailpit.stop();
        postgres.stop();
        kafka.stop();
    }
}
