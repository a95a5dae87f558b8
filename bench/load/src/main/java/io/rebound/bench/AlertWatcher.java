package io.rebound.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rebound.events.CloudEvents;
import io.rebound.events.OverloadAlertRaised;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the {@code alerts} topic from the beginning for the whole run, outside any consumer group, and keeps every
 * raised alert by runner with its three times: when activity-service accepted the activity, when plan-service
 * raised the alert, and the record's own timestamp (when plan-service's relay handed it to Kafka).
 */
final class AlertWatcher implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, List<Alert>> byRunner = new ConcurrentHashMap<>();
    private final AtomicLong raised = new AtomicLong();
    private final AtomicLong withdrawn = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    AlertWatcher(String bootstrap) {
        KafkaConsumer<String, String> consumer = TopicTimes.consumer(bootstrap);
        List<TopicPartition> partitions = consumer.partitionsFor("alerts").stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread = new Thread(() -> {
            try (consumer) {
                while (running) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        take(record, System.currentTimeMillis());
                    }
                }
            }
        }, "alert-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void take(ConsumerRecord<String, String> record, long receivedAt) {
        String type = CloudEvents.header(record.headers(), CloudEvents.TYPE).orElse("");
        if (!type.equals(OverloadAlertRaised.TYPE.type())) {
            withdrawn.incrementAndGet();
            return;
        }
        try {
            JsonNode alert = JSON.readTree(record.value());
            Alert seen = new Alert(alert.path("alertId").asText(), CloudEvents.header(record.headers(), CloudEvents.ID).orElse(""),
                    alert.path("rule").asText(),
                    Instant.parse(alert.path("activityAcceptedAt").asText()).toEpochMilli(),
                    Instant.parse(alert.path("raisedAt").asText()).toEpochMilli(), record.timestamp(), receivedAt);
            byRunner.computeIfAbsent(alert.path("runnerId").asText(), r -> new CopyOnWriteArrayList<>()).add(seen);
            raised.incrementAndGet();
        } catch (Exception e) {
            System.err.println("bench: unreadable alert at " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + ": " + e.getMessage());
        }
    }

    List<Alert> of(String runnerId) {
        return byRunner.getOrDefault(runnerId, List.of());
    }

    long raised() {
        return raised.get();
    }

    long others() {
        return withdrawn.get();
    }

    Map<String, List<Alert>> all() {
        return byRunner;
    }

    /** Waits until every listed runner has at least one alert, no new alert came for a while, or time runs out. */
    int await(List<String> runners, long timeoutMillis, long quietMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        long lastCount = -1;
        long lastChange = System.currentTimeMillis();
        while (true) {
            int missing = 0;
            for (String runner : runners) {
                if (of(runner).isEmpty()) {
                    missing++;
                }
            }
            long now = System.currentTimeMillis();
            if (missing == 0 || now > deadline) {
                return missing;
            }
            long count = raised();
            if (count != lastCount) {
                lastCount = count;
                lastChange = now;
            } else if (now - lastChange > quietMillis) {
                return missing;
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }

    /** Times in epoch milliseconds. */
    record Alert(String alertId, String eventId, String rule, long activityAcceptedAt, long raisedAt, long recordTimestamp,
            long receivedAt) {
    }
}
