package io.rebound.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rebound.infrastructure.EmbeddedInfrastructure;
import io.rebound.infrastructure.Endpoints;
import io.rebound.infrastructure.Layout;
import io.rebound.infrastructure.Ports;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The three servers devstack promises are real: a broker that stores records, a database, an SMTP server. */
class EmbeddedInfrastructureIT {

    private static EmbeddedInfrastructure infrastructure;
    private static Endpoints endpoints;

    @BeforeAll
    static void start() throws Exception {
        infrastructure = EmbeddedInfrastructure.start(Ports.Plan.RANDOM,
                Path.of(System.getProperty("java.io.tmpdir"), "devstack-it"));
        endpoints = infrastructure.endpoints();
    }

    @AfterAll
    static void stop() {
        infrastructure.close();
    }

    @Test
    void kafkaStoresWhatIsWrittenAndPlansIsCompacted() throws Exception {
        try (TopicWriter writer = new TopicWriter(endpoints.kafkaBootstrapServers())) {
            writer.send("activities", "runner-1", "{\"hello\": 1}", new RecordHeaders());
        }
        assertThat(new TopicReader(endpoints.kafkaBootstrapServers())
                .await("activities", r -> "runner-1".equals(r.key()), 1, Duration.ofSeconds(30), Duration.ZERO))
                .singleElement().satisfies(r -> assertThat(r.value()).isEqualTo("{\"hello\": 1}"));

        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers());
        try (Admin admin = Admin.create(props)) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .containsAll(Set.of("activities", "alerts", "plans", "activities.dlq", "alerts.dlq", "plans.dlq",
                            "notifications.dlq"));
            ConfigResource plans = new ConfigResource(ConfigResource.Type.TOPIC, "plans");
            ConfigEntry policy = admin.describeConfigs(List.of(plans)).all().get(30, TimeUnit.SECONDS)
                    .get(plans).get("cleanup.policy");
            assertThat(policy.value()).isEqualTo("compact");
        }
    }

    @Test
    void postgresHasADatabasePerService() throws Exception {
        for (String database : Layout.DATABASES) {
            String url = "jdbc:postgresql://" + endpoints.postgresHost() + ":" + endpoints.postgresPort() + "/" + database;
            try (Connection connection = DriverManager.getConnection(url, endpoints.postgresUser(), endpoints.postgresPassword());
                 ResultSet result = connection.createStatement().executeQuery("SELECT current_database()")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).isEqualTo(database);
            }
        }
    }

    @Test
    void kafkaRestartedOnItsPortKeepsItsRecords() throws Exception {
        String key = "restart-" + Instant.now().toEpochMilli();
        try (TopicWriter writer = new TopicWriter(endpoints.kafkaBootstrapServers())) {
            writer.send("activities", key, "{\"before\": true}", new RecordHeaders());
        }

        infrastructure.kafka().stop();
        assertThat(infrastructure.kafka().running()).isFalse();
        int port = Integer.parseInt(endpoints.kafkaBootstrapServers().split(":")[1]);
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close()).isInstanceOf(ConnectException.class);
        infrastructure.kafka().start();

        assertThat(infrastructure.endpoints()).isEqualTo(endpoints);
        try (TopicWriter writer = new TopicWriter(endpoints.kafkaBootstrapServers())) {
            writer.send("activities", key, "{\"after\": true}", new RecordHeaders());
        }
        assertThat(new TopicReader(endpoints.kafkaBootstrapServers())
                .await("activities", r -> key.equals(r.key()), 2, Duration.ofSeconds(60), Duration.ZERO))
                .extracting(r -> r.value()).containsExactly("{\"before\": true}", "{\"after\": true}");
        assertThat(new TopicReader(endpoints.kafkaBootstrapServers()).all("activities"))
                .filteredOn(r -> key.equals(r.key())).hasSize(2);
    }

    @Test
    void postgresStoppedAndStartedAgainKeepsItsRows() throws Exception {
        String url = "jdbc:postgresql://" + endpoints.postgresHost() + ":" + endpoints.postgresPort() + "/activity";
        try (Connection connection = DriverManager.getConnection(url, endpoints.postgresUser(), endpoints.postgresPassword())) {
            connection.createStatement().execute("CREATE TABLE restart_check (note text)");
            connection.createStatement().execute("INSERT INTO restart_check VALUES ('written before the stop')");
        }

        infrastructure.postgres().stop();
        assertThat(infrastructure.postgres().running()).isFalse();
        assertThatThrownBy(() -> DriverManager.getConnection(url, endpoints.postgresUser(), endpoints.postgresPassword()).close())
                .isInstanceOf(SQLException.class);
        infrastructure.postgres().start();

        assertThat(infrastructure.endpoints()).isEqualTo(endpoints);
        try (Connection connection = DriverManager.getConnection(url, endpoints.postgresUser(), endpoints.postgresPassword());
             ResultSet result = connection.createStatement().executeQuery("SELECT note FROM restart_check")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo("written before the stop");
            connection.createStatement().execute("DROP TABLE restart_check");
        }
    }

    @Test
    void mailSentOverSmtpCanBeReadBackFromTheMailbox() throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", endpoints.smtpHost());
        props.put("mail.smtp.port", Integer.toString(endpoints.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress("alerts@rebound.example.org"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("pt@clinic.example.org"));
        String subject = "devstack check " + Instant.now();
        message.setSubject(subject);
        message.setText("hello from the test");
        Transport.send(message);

        assertThat(new Mailbox(endpoints.mailboxUrl()).recipients()).contains("pt@clinic.example.org");
        assertThat(new Mailbox(endpoints.mailboxUrl()).received()).anySatisfy(received -> {
            assertThat(received.to()).isEqualTo("pt@clinic.example.org");
            assertThat("<" + received.messageId() + ">").isEqualTo(message.getMessageID());
        });
        assertThat(new Mailbox(endpoints.mailboxUrl()).messagesTo("pt@clinic.example.org"))
                .anySatisfy(m -> {
                    assertThat(m.getSubject()).isEqualTo(subject);
                    assertThat(m.getContent().toString()).contains("hello from the test");
                });
    }
}
