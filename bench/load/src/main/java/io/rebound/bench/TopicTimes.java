package io.rebound.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * When each runner's first record reached a topic (its record timestamp), for runners whose key starts with a
 * prefix; read from the topic's current end on, outside any consumer group.
 */
final class TopicTimes implements AutoCloseable {

    private final Map<String, Long> first = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    TopicTimes(String bootstrap, String topic, String keyPrefix) {
        KafkaConsumer<String, String> consumer = consumer(bootstrap);
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = new Thread(() -> {
            try (consumer) {
                while (running) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        if (record.key() != null && record.key().startsWith(keyPrefix)) {
                            first.putIfAbsent(record.key(), record.timestamp());
                        }
                    }
                }
            }
        }, "topic-times-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    Long first(String key) {
        return first.get(key);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }

    /** A consumer without a group that reads strings and sees new records within 50 ms. */
    static KafkaConsumer<String, String> consumer(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        return new KafkaConsumer<>(props);
    }
}
