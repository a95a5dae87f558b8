package io.rebound.bench;

import io.rebound.events.ActivityRecorded;
import io.rebound.events.CloudEvents;
import io.rebound.events.EventJson;
import io.rebound.events.Sport;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/** What the bench asks Kafka: topic layout, consumer groups and their lag. */
final class Kafka implements AutoCloseable {

    final String bootstrap;
    private final Admin admin;

    Kafka(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        this.admin = Admin.create(props);
    }

    /**
     * An {@code ActivityRecorded} for {@code activities} as activity-service's relay writes it (key: the runner, the
     * CloudEvents headers), accepted now.
     */
    static ProducerRecord<String, String> recorded(String runner, Sport sport, OffsetDateTime start, int seconds,
            int metres, int effort) {
        Instant now = Instant.now();
        UUID id = UUID.randomUUID();
        ActivityRecorded event = new ActivityRecorded(id, runner, sport, start, seconds, metres, effort, null, now, null, null);
        return new ProducerRecord<>("activities", null, runner, EventJson.write(event),
                CloudEvents.headers(id.toString(), ActivityRecorded.TYPE, "/rebound/bench", now));
    }

    int partitions(String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions().size();
    }

    /** Grows the topic to this many partitions (Kafka cannot shrink one). */
    void ensurePartitions(String topic, int count) throws Exception {
        if (partitions(topic) < count) {
            admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(count))).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** Sum of the latest offsets of every partition of the topic: how many records it has ever held. */
    long endOffsets(String topic) throws Exception {
        Collection<TopicPartition> partitions = topicPartitions(topic);
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all().get(30, TimeUnit.SECONDS).values().stream().mapToLong(info -> info.offset()).sum();
    }

    /** Records of the topic the group has not committed yet (a partition it never committed counts whole). */
    long lag(String group, String topic) throws Exception {
        Collection<TopicPartition> partitions = topicPartitions(topic);
        Map<TopicPartition, Long> ends = admin.listOffsets(partitions.stream()
                        .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all().get(30, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        long lag = 0;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            lag += ends.get(partition) - (offset == null ? 0 : offset.offset());
        }
        return lag;
    }

    /** The group's members and whether it is stable (not rebalancing). */
    Group group(String name) throws Exception {
        ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(name)).all()
                .get(30, TimeUnit.SECONDS).get(name);
        return new Group(description.members().size(), description.groupState().toString(),
                description.members().stream().map(m -> m.assignment().topicPartitions().size()).toList());
    }

    /** The group's committed offset of each partition of the topic (absent: never committed). */
    Map<Integer, Long> committed(String group, String topic) throws Exception {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS).entrySet()
                .stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                .collect(Collectors.toMap(e -> e.getKey().partition(), e -> e.getValue().offset()));
    }

    /** Which partitions of the topic each member of the group holds, by the member's host and client id. */
    Map<String, List<Integer>> assignment(String group, String topic) throws Exception {
        ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
                .get(30, TimeUnit.SECONDS).get(group);
        Map<String, List<Integer>> assignment = new java.util.TreeMap<>();
        description.members().forEach(m -> assignment.put(m.consumerId(), m.assignment().topicPartitions().stream()
                .filter(p -> p.topic().equals(topic)).map(TopicPartition::partition).sorted().toList()));
        return assignment;
    }

    /**
     * Moves an inactive group's committed offsets on the topic to its end, so its next member starts after what is
     * there now; answers how many records that skips.
     */
    long skipToEnd(String group, String topic) throws Exception {
        long lag = lag(group, topic);
        Map<TopicPartition, OffsetAndMetadata> ends = admin.listOffsets(topicPartitions(topic).stream()
                        .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all().get(30, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue().offset())));
        // The group's last member may take a moment to leave after its process stops.
        for (int attempt = 1; ; attempt++) {
            try {
                admin.alterConsumerGroupOffsets(group, ends).all().get(30, TimeUnit.SECONDS);
                return lag;
            } catch (java.util.concurrent.ExecutionException e) {
                if (attempt == 30) {
                    throw e;
                }
                Thread.sleep(1_000);
            }
        }
    }

    /** Waits until the group's lag on the topic is zero, or the timeout passes; answers the lag left. */
    long awaitLag(String group, String topic, long timeoutMillis) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        long lag;
        while ((lag = lag(group, topic)) > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
        }
        return lag;
    }

    KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    private Collection<TopicPartition> topicPartitions(String topic) throws Exception {
        int count = partitions(topic);
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> new TopicPartition(topic, i)).toList();
    }

    Set<String> topics() throws Exception {
        return admin.listTopics().names().get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        admin.close();
    }

    record Group(int members, String state, List<Integer> partitionsPerMember) {
    }
}
