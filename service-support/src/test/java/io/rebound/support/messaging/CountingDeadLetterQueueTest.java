package io.rebound.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountingDeadLetterQueueTest {

    @Test
    void copiesOfAConcurrentChannelAreCountedAsTheChannel() {
        assertThat(CountingDeadLetterQueue.channelOf("activities$2")).isEqualTo("activities");
    }

    @Test
    void aPlainChannelKeepsItsName() {
        assertThat(CountingDeadLetterQueue.channelOf("alerts")).isEqualTo("alerts");
    }
}
