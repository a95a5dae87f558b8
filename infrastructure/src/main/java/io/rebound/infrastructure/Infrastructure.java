package io.rebound.infrastructure;

/** A running Kafka, PostgreSQL and SMTP server, however they were started. */
public interface Infrastructure extends AutoCloseable {

    Endpoints endpoints();

    /** Stops everything; never throws, so that a failed stop does not hide the failure that caused it. */
    @Override
    void close();
}
