package io.rebound.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rebound.events.ActivityDeleted;
import io.rebound.events.AlertAcknowledged;
import io.rebound.events.CloudEvents;
import io.rebound.events.EventJson;
import io.rebound.events.MalformedEventException;
import io.rebound.events.Severity;
import io.rebound.support.messaging.IncomingEvents.Received;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The single-record envelope, with plain records: which handler an event reaches, what it refuses, what it retries. */
class EventConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Vertx vertx = Vertx.vertx();

    @AfterAll
    static void closeVertx() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    static ActivityDeleted deletion() {
        return new ActivityDeleted(UUID.randomUUID(), "runner-1", Instant.parse("2026-03-01T07:00:00Z"));
    }

    static AlertAcknowledged acknowledgement() {
        return new AlertAcknowledged(UUID.randomUUID(), UUID.randomUUID(), "runner-1", Severity.WARNING, "pt-1", null,
                Instant.parse("2026-03-01T08:00:00Z"));
    }

    static ConsumerRecord<String, String> record(String id, String type, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("test", 0, 0L, "runner-1", value);
        if (type != null) {
            for (Header header : CloudEvents.headers(id, type, "/rebound/test", Instant.now())) {
                record.headers().add(header);
            }
        }
        return record;
    }

    @Test
    void eachEventReachesTheHandlerOfItsTypeWithItsIdAndDoneGetsWhatTheHandlerAnswered() {
        List<String> calls = new ArrayList<>();
        EventConsumer consumer = new EventConsumer("test", vertx)
                .on(AlertAcknowledged.TYPE, received -> Uni.createFrom().item(() -> {
                    calls.add("acknowledged " + received.id());
                    return 1;
                }), (received, answer) -> calls.add("acknowledged done " + answer))
                .on(ActivityDeleted.TYPE, received -> Uni.createFrom().item(() -> {
                    calls.add("deleted " + received.id() + " " + received.event().activityId());
                    return 2;
                }), (received, answer) -> calls.add("deleted done " + answer));
        ActivityDeleted deleted = deletion();

        consumer.consume(record("e-1", ActivityDeleted.TYPE.type(), EventJson.write(deleted))).await().atMost(WAIT);

        assertThat(calls).containsExactly("deleted e-1 " + deleted.activityId(), "deleted done 2");
    }

    @Test
    void aTypeTheChannelDoesNotCarryIsMalformedAndReachesNoHandler() {
        List<Received<AlertAcknowledged>> handled = new ArrayList<>();
        EventConsumer consumer = new EventConsumer("alerts", vertx).on(AlertAcknowledged.TYPE,
                received -> Uni.createFrom().item(() -> handled.add(received)), (received, added) -> {
                });

        assertThatThrownBy(() -> consumer.consume(record("e-2", ActivityDeleted.TYPE.type(), EventJson.write(deletion())))
                .await().atMost(WAIT))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining(ActivityDeleted.TYPE.type())
                .hasMessageContaining("the alerts topic carries no such event type");
        assertThatThrownBy(() -> consumer.consume(record("e-3", null, EventJson.write(acknowledgement()))).await().atMost(WAIT))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("(no ce_type)");
        assertThat(handled).isEmpty();
    }

    @Test
    void anUnreadableEventOfAKnownTypeIsMalformedAndIsNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        EventConsumer consumer = new EventConsumer("alerts", vertx).on(AlertAcknowledged.TYPE,
                received -> Uni.createFrom().item(attempts::incrementAndGet), (received, attempt) -> {
                });

        assertThatThrownBy(() -> consumer.consume(record("e-4", AlertAcknowledged.TYPE.type(), "}{ not an acknowledgement"))
                .await().atMost(WAIT))
                .isInstanceOf(MalformedEventException.class);
        assertThat(attempts).hasValue(0);
    }

    @Test
    void aPassingFailureIsRetriedOnTheRecordsFreshContextAndDoneRunsOnceAfterTheSuccess() {
        List<Context> contexts = new ArrayList<>();
        List<Integer> done = new ArrayList<>();
        EventConsumer consumer = new EventConsumer("alerts", vertx).on(AlertAcknowledged.TYPE,
                received -> {
                    contexts.add(Vertx.currentContext());
                    return contexts.size() == 1 ? Uni.createFrom().failure(new IllegalStateException("database unavailable"))
                            : Uni.createFrom().item(contexts.size());
                }, (received, attempt) -> done.add(attempt));

        consumer.consume(record("e-5", AlertAcknowledged.TYPE.type(), EventJson.write(acknowledgement()))).await().atMost(WAIT);

        assertThat(done).containsExactly(2);
        assertThat(contexts).hasSize(2).allSatisfy(context -> assertThat(VertxContext.isDuplicatedContext(context)).isTrue());
        assertThat(contexts.get(1)).as("a retry runs on the record's context again").isSameAs(contexts.get(0));
    }

    @Test
    void eachRecordGetsAContextOfItsOwn() {
        List<Context> contexts = new ArrayList<>();
        EventConsumer consumer = new EventConsumer("alerts", vertx).on(AlertAcknowledged.TYPE,
                received -> Uni.createFrom().item(() -> contexts.add(Vertx.currentContext())), (received, added) -> {
                });

        consumer.consume(record("e-6", AlertAcknowledged.TYPE.type(), EventJson.write(acknowledgement()))).await().atMost(WAIT);
        consumer.consume(record("e-7", AlertAcknowledged.TYPE.type(), EventJson.write(acknowledgement()))).await().atMost(WAIT);

        assertThat(contexts).hasSize(2);
        assertThat(contexts.get(1)).isNotSameAs(contexts.get(0));
    }

    @Test
    void aTypeReadTwiceOnOneChannelIsRefused() {
        EventConsumer consumer = new EventConsumer("alerts", vertx).on(AlertAcknowledged.TYPE,
                received -> Uni.createFrom().voidItem(), (received, nothing) -> {
                });

        assertThatThrownBy(() -> consumer.on(AlertAcknowledged.TYPE, received -> Uni.createFrom().voidItem(), (received, nothing) -> {
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(AlertAcknowledged.TYPE.type());
    }
}
