package io.rebound.support.messaging;

import io.quarkus.arc.Unremovable;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Typed;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * The connector's {@code dead-letter-queue} failure strategy, counted: it stands in for SmallRye's own under the
 * same name (an alternative wins the lookup), lets it send the record, and counts it in {@link DeadLetters} once
 * the dead-letter topic has it. So every channel configured with {@code failure-strategy=dead-letter-queue} is
 * counted, whatever its listener does, with no change to the channel's configuration.
 */
@Alternative
@Priority(1)
@ApplicationScoped
@Unremovable
@Typed(KafkaFailureHandler.Factory.class)
@Identifier(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE)
public class CountingDeadLetterQueue implements KafkaFailureHandler.Factory {

    private final KafkaDeadLetterQueue.Factory connectors;
    private final DeadLetters deadLetters;

    public CountingDeadLetterQueue(@Identifier(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE) KafkaDeadLetterQueue.Factory connectors,
            DeadLetters deadLetters) {
        this.connectors = connectors;
        this.deadLetters = deadLetters;
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx, KafkaConsumer<?, ?> consumer,
            BiConsumer<Throwable, Boolean> reportFailure) {
        KafkaFailureHandler handler = connectors.create(config, vertx, consumer, reportFailure);
        String channel = channelOf(config.getChannel());
        deadLetters.register(channel);
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                return handler.handle(record, reason, metadata).invoke(() -> deadLetters.sent(channel));
            }

            @Override
            public void terminate() {
                handler.terminate();
            }
        };
    }

    /** A channel with {@code concurrency} runs as copies named {@code activities$1}, ...: counted as the channel. */
    static String channelOf(String copy) {
        int separator = copy.indexOf('$');
        return separator < 0 ? copy : copy.substring(0, separator);
    }
}
