package io.rebound.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a database did over a stretch of time, from PostgreSQL's own counters (pg_stat_database): transactions
 * committed and rows inserted, updated, deleted and read. Divided by the requests of that stretch, it shows how
 * much database work one webhook or one event costs. Backends report their counters about once a second, so
 * snapshots are taken after a pause.
 */
final class PgStats {

    private static final String[] COUNTERS = {"xact_commit", "tup_inserted", "tup_updated", "tup_deleted", "tup_fetched"};

    private final String url;
    private final String user;
    private final String password;

    PgStats(String hostPort, String user, String password) {
        this.url = "jdbc:postgresql://" + hostPort + "/postgres";
        this.user = user;
        this.password = password;
    }

    Map<String, Long> snapshot(String database) {
        Map<String, Long> values = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            try (ResultSet row = statement.executeQuery("SELECT " + String.join(", ", COUNTERS)
                    + " FROM pg_stat_database WHERE datname = '" + database + "'")) {
                if (row.next()) {
                    for (String counter : COUNTERS) {
                        values.put(counter, row.getLong(counter));
                    }
                }
            }
        } catch (SQLException e) {
            System.err.println("bench: cannot read pg_stat_database: " + e.getMessage());
        }
        return values;
    }

    /** Each counter's change between two snapshots, per request. */
    static Map<String, Double> perRequest(Map<String, Long> before, Map<String, Long> after, long requests) {
        Map<String, Double> per = new LinkedHashMap<>();
        if (requests <= 0) {
            return per;
        }
        after.forEach((counter, value) -> {
            Long start = before.get(counter);
            if (start != null) {
                per.put(counter, Math.round((value - start) * 100.0 / requests) / 100.0);
            }
        });
        return per;
    }
}
