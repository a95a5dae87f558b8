package io.rebound.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The most durable single inserts the same PostgreSQL takes: each request is one row (the webhook's body as
 * jsonb) inserted and committed on its own, by {@code concurrency} threads with a connection each. Requests beyond
 * that wait for a free thread, and the wait counts in their latency.
 */
final class JdbcTarget implements AutoCloseable {

    private final ExecutorService workers;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final ThreadLocal<PreparedStatement> inserts;

    JdbcTarget(String url, String user, String password, int concurrency) throws SQLException {
        try (Connection setup = DriverManager.getConnection(url, user, password); Statement ddl = setup.createStatement()) {
            ddl.execute("DROP TABLE IF EXISTS bench_ingest");
            ddl.execute("CREATE TABLE bench_ingest (id UUID PRIMARY KEY, webhook_id TEXT NOT NULL, body JSONB NOT NULL,"
                    + " received_at TIMESTAMPTZ NOT NULL DEFAULT now())");
        }
        this.workers = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "jdbc-insert");
            thread.setDaemon(true);
            return thread;
        });
        this.inserts = ThreadLocal.withInitial(() -> {
            try {
                Connection connection = DriverManager.getConnection(url, user, password);
                connection.setAutoCommit(false);
                connections.add(connection);
                return connection.prepareStatement("INSERT INTO bench_ingest (id, webhook_id, body) VALUES (?, ?, ?::jsonb)");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot connect to " + url, e);
            }
        });
    }

    /** Completes with true once the row is committed. */
    CompletableFuture<Boolean> insert(Webhooks.Delivery delivery) {
        return CompletableFuture.supplyAsync(() -> {
            PreparedStatement insert = inserts.get();
            try {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, delivery.id());
                insert.setString(3, new String(delivery.body(), java.nio.charset.StandardCharsets.UTF_8));
                insert.executeUpdate();
                insert.getConnection().commit();
                return true;
            } catch (SQLException e) {
                return false;
            }
        }, workers);
    }

    @Override
    public void close() {
        workers.shutdownNow();
        for (Connection connection : connections) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Closing after the measurement; nothing to save.
            }
        }
    }
}
