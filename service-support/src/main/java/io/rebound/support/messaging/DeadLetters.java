package io.rebound.support.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts records sent to a dead-letter topic, as {@code rebound_dead_letters_total{channel}}. Every incoming
 * channel with {@code failure-strategy=dead-letter-queue} is counted on its own (see {@link CountingDeadLetterQueue});
 * code that dead-letters something by hand calls {@link #sent(String)} with its channel name.
 */
@ApplicationScoped
public class DeadLetters {

    static final String METRIC = "rebound.dead.letters";

    private final MeterRegistry registry;

    public DeadLetters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One record of {@code channel} went to its dead-letter topic. */
    public void sent(String channel) {
        counter(channel).increment();
    }

    /** Shows the channel's count as 0 before its first dead letter, so a rate over it is defined from the start. */
    public void register(String channel) {
        counter(channel);
    }

    private Counter counter(String channel) {
        return Counter.builder(METRIC)
                .description("Incoming records sent to the channel's dead-letter topic (unreadable or failed for good)")
                .tag("channel", channel)
                .register(registry);
    }
}
