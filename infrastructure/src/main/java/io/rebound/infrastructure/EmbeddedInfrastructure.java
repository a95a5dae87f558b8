package io.rebound.infrastructure;

import java.nio.file.Path;

/** Kafka, PostgreSQL and SMTP all running inside or beside this JVM, without Docker. */
public final class EmbeddedInfrastructure implements Infrastructure {

    private final EmbeddedKafka kafka;
    private final Postgres postgres;
    private final Smtp smtp;

    private EmbeddedInfrastructure(EmbeddedKafka kafka, Postgres postgres, Smtp smtp) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.smtp = smtp;
    }

    /** Starts on the given ports (0 = any free one), with every data directory under {@code workDir} wiped first. */
    public static EmbeddedInfrastructure start(Ports.Plan ports, Path workDir) throws Exception {
        Smtp smtp = Smtp.start(ports.smtp(), ports.mailbox());
        Postgres postgres = null;
        try {
            postgres = Postgres.start(ports.postgres(), workDir.resolve("postgres"));
            EmbeddedKafka kafka = EmbeddedKafka.start(ports.kafka(), workDir.resolve("kafka"));
            EmbeddedInfrastructure infrastructure = new EmbeddedInfrastructure(kafka, postgres, smtp);
            Layout.apply(infrastructure.endpoints());
            return infrastructure;
        } catch (Exception | Error e) {
            smtp.close();
            if (postgres != null) {
                postgres.close();
            }
            throw e;
        }
    }

    @Override
    public Endpoints endpoints() {
        return new Endpoints(kafka.bootstrapServers(), "127.0.0.1", postgres.port(), Postgres.USER, Postgres.PASSWORD,
                "127.0.0.1", smtp.smtpPort(), smtp.mailboxUrl());
    }

    /** The broker, for tests that stop it and start it again ({@link EmbeddedKafka#restart()}). */
    public EmbeddedKafka kafka() {
        return kafka;
    }

    /** The database server, for tests that stop it and start it again ({@link Postgres#stop()}, {@link Postgres#start()}). */
    public Postgres postgres() {
        return postgres;
    }

    /** The SMTP server, for tests that take it down and bring it back ({@link Smtp#pause()}). */
    public Smtp smtp() {
        return smtp;
    }

    @Override
    public void close() {
        quietly(kafka);
        quietly(postgres);
        quietly(smtp);
    }

    /** Closes, and reports rather than throws what closing threw: for shutdown paths that must go on. */
    public static void quietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("devstack: stopping " + closeable.getClass().getSimpleName() + " failed: " + e);
        }
    }
}
