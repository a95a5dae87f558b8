package io.rebound.infrastructure;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/** Apache Kafka's own broker, one node acting as broker and KRaft controller, inside this JVM. */
public final class EmbeddedKafka implements AutoCloseable {

    private final KafkaConfig config;
    private final String bootstrapServers;
    /** The broker running now; null between {@link #stop()} and {@link #start()}. */
    private KafkaRaftServer server;

    private EmbeddedKafka(KafkaConfig config, String bootstrapServers) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Formats a fresh log directory and starts the broker.
     *
     * @param port    the client port, 0 for any free one
     * @param dataDir wiped and reformatted: local Kafka data never outlives a start
     */
    public static EmbeddedKafka start(int port, Path dataDir) throws Exception {
        Files2.wipe(dataDir);
        int clientPort = Ports.orFree(port);
        int controllerPort = Ports.free();
        String dir = dataDir.toAbsolutePath().toString();

        Map<String, Object> props = new HashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + clientPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + clientPort);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", dir);
        props.put("num.partitions", "3");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "3");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("log.cleaner.dedupe.buffer.size", "2097152");
        props.put("log.flush.interval.messages", "1");
        KafkaConfig config = new KafkaConfig(props, false);

        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(1)
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(dir))
                .setMetadataLogDirectory(dir)
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setControllerListenerName("CONTROLLER")
                .run();

        EmbeddedKafka kafka = new EmbeddedKafka(config, "127.0.0.1:" + clientPort);
        kafka.start();
        return kafka;
    }

    /**
     * Starts the broker again after {@link #stop()}: same ports, same log directory, so every record and every
     * consumer group's offsets written before the stop are there. Does nothing when it is running.
     */
    public synchronized void start() throws Exception {
        if (server != null) {
            return;
        }
        KafkaRaftServer started = new KafkaRaftServer(config, Time.SYSTEM);
        started.startup();
        server = started;
        awaitReady();
    }

    /** Shuts the broker down cleanly, as an operator stopping it would; its port refuses connections until {@link #start()}. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** {@link #stop()} then {@link #start()}. */
    public void restart() throws Exception {
        stop();
        start();
    }

    public synchronized boolean running() {
        return server != null;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    private void awaitReady() throws Exception {
        try (Admin admin = admin()) {
            admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
        }
    }

    private Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return Admin.create(props);
    }

    @Override
    public void close() {
        stop();
    }
}
