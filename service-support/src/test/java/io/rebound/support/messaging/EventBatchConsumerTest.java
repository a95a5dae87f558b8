package io.rebound.support.messaging;

import static io.rebound.support.messaging.EventConsumerTest.acknowledgement;
import static io.rebound.support.messaging.EventConsumerTest.deletion;
import static org.assertj.core.api.Assertions.assertThat;

import io.rebound.events.ActivityDeleted;
import io.rebound.events.AlertAcknowledged;
import io.rebound.events.CloudEvents;
import io.rebound.events.EventJson;
import io.rebound.events.MalformedEventException;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The batch envelope, with plain records: which records are read and which set apart, and the order of what follows
 * (the readable applied together, then the unreadable dead-lettered one by one, then the batch acknowledged).
 */
class EventBatchConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Vertx vertx = Vertx.vertx();

    /** What happened, in order: applies, commits, dead letters and the acknowledgement. */
    private final List<String> happened = new CopyOnWriteArrayList<>();

    @AfterAll
    static void closeVertx() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private KafkaRecord<String, String> record(String id, String type, String value) {
        var record = KafkaRecord.<String, String>of("runner-1", value);
        for (Header header : CloudEvents.headers(id, type, "/rebound/test", Instant.now())) {
            record = record.withHeader(header.key(), header.value());
        }
        return record.withNack(reason -> {
            happened.add("dead-letter " + id + ": " + reason.getMessage());
            return CompletableFuture.completedFuture(null);
        });
    }

    /** Reads deletions and acknowledgements as their ids; applies (and commits) a list unless it holds {@code poison}. */
    private EventBatchConsumer<String> consumer(String poison) {
        return new EventBatchConsumer<String>("activities", vertx, ids -> {
            happened.add("apply " + ids);
            // Malformed is never retried, so the test does not wait out the backoff of a passing failure.
            return ids.contains(poison) ? Uni.createFrom().failure(new MalformedEventException("test", new IllegalStateException(
                    "cannot apply " + poison))) : Uni.createFrom().voidItem().invoke(() -> happened.add("commit"));
        })
                .on(ActivityDeleted.TYPE, (received, trace) -> received.id())
                .on(AlertAcknowledged.TYPE, (received, trace) -> received.id());
    }

    private Uni<Void> consume(EventBatchConsumer<String> consumer, List<KafkaRecord<String, String>> records) {
        return consumer.consume(records, () -> {
            happened.add("ack");
            return CompletableFuture.completedFuture(null);
        });
    }

    @Test
    void splitKeepsTheReadableInTheirOrderAndSetsTheUnreadableApart() {
        var first = record("e-1", ActivityDeleted.TYPE.type(), EventJson.write(deletion()));
        var garbage = record("e-2", ActivityDeleted.TYPE.type(), "}{ not a deletion");
        var foreign = record("e-3", "rebound.something.else.v1", EventJson.write(deletion()));
        var second = record("e-4", AlertAcknowledged.TYPE.type(), EventJson.write(acknowledgement()));

        EventBatchConsumer.Split<String> split = consumer(null).split(List.of(first, garbage, foreign, second));

        assertThat(split.readable()).extracting(EventBatchConsumer.Read::event).containsExactly("e-1", "e-4");
        assertThat(split.readable()).extracting(EventBatchConsumer.Read::record).containsExactly(first, second);
        assertThat(split.unreadable()).extracting(EventBatchConsumer.Unreadable::record).containsExactly(garbage, foreign);
        assertThat(split.unreadable().get(1).reason())
                .hasMessageContaining("rebound.something.else.v1")
                .hasMessageContaining("the activities topic carries no such event type");
    }

    @Test
    void theReadableAreAppliedTogetherThenTheUnreadableDeadLetteredThenTheBatchAcknowledged() {
        List<KafkaRecord<String, String>> batch = List.of(
                record("e-1", ActivityDeleted.TYPE.type(), EventJson.write(deletion())),
                record("e-2", ActivityDeleted.TYPE.type(), "}{ not a deletion"),
                record("e-3", AlertAcknowledged.TYPE.type(), EventJson.write(acknowledgement())));

        consume(consumer(null), batch).await().atMost(WAIT);

        assertThat(happened).hasSize(4);
        assertThat(happened.subList(0, 2)).containsExactly("apply [e-1, e-3]", "commit");
        assertThat(happened.get(2)).startsWith("dead-letter e-2: cannot read a " + ActivityDeleted.TYPE.type() + " event");
        assertThat(happened.get(3)).isEqualTo("ack");
    }

    @Test
    void aBatchThatFailsIsAppliedOneByOneAndOnlyTheEventThatStillFailsIsDeadLettered() {
        List<KafkaRecord<String, String>> batch = List.of(
                record("e-1", ActivityDeleted.TYPE.type(), EventJson.write(deletion())),
                record("e-2", ActivityDeleted.TYPE.type(), EventJson.write(deletion())),
                record("e-3", ActivityDeleted.TYPE.type(), EventJson.write(deletion())));

        consume(consumer("e-2"), batch).await().atMost(WAIT);

        assertThat(happened).containsExactly("apply [e-1, e-2, e-3]",
                "apply [e-1]", "commit",
                "apply [e-2]", "dead-letter e-2: cannot read a test event: cannot apply e-2",
                "apply [e-3]", "commit",
                "ack");
    }

    @Test
    void aBatchOfNothingReadableAppliesNothingAndIsStillAcknowledged() {
        List<KafkaRecord<String, String>> batch = List.of(record("e-1", "rebound.something.else.v1", "{}"));

        consume(consumer(null), batch).await().atMost(WAIT);

        assertThat(happened).hasSize(2);
        assertThat(happened.get(0)).startsWith("dead-letter e-1: cannot read a rebound.something.else.v1 event");
        assertThat(happened.get(1)).isEqualTo("ack");
    }
}
