package io.rebound.infrastructure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** The topics and databases Rebound expects to find, created before any service starts. */
public final class Layout {

    public static final List<String> DATABASES = List.of("activity", "plan", "notification");

    private static final int PARTITIONS = 3;

    private Layout() {
    }

    /** Creates whatever of Rebound's topics and databases is missing. */
    public static void apply(Endpoints endpoints) throws Exception {
        createTopics(endpoints.kafkaBootstrapServers());
        createDatabases(endpoints);
    }

    static List<NewTopic> topics() {
        return List.of(
                topic("activities"),
                topic("alerts"),
                topic("plans").configs(Map.of("cleanup.policy", "compact")),
                topic("activities.dlq"),
                topic("alerts.dlq"),
                topic("plans.dlq"),
                topic("notifications.dlq"));
    }

    private static void createTopics(String bootstrapServers) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = topics().stream().filter(t -> !existing.contains(t.name())).toList();
            admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
        }
    }

    private static void createDatabases(Endpoints endpoints) throws Exception {
        String url = "jdbc:postgresql://" + endpoints.postgresHost() + ":" + endpoints.postgresPort() + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, endpoints.postgresUser(), endpoints.postgresPassword());
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
             Statement create = connection.createStatement()) {
            for (String name : DATABASES) {
                exists.setString(1, name);
                try (ResultSet found = exists.executeQuery()) {
                    if (!found.next()) {
                        create.execute("CREATE DATABASE \"" + name + "\"");
                    }
                }
            }
        }
    }

    private static NewTopic topic(String name) {
        return new NewTopic(name, PARTITIONS, (short) 1);
    }
}
