package io.rebound.support.messaging;

import io.opentelemetry.context.Context;
import io.rebound.events.EventType;
import io.rebound.events.MalformedEventException;
import io.rebound.support.messaging.IncomingEvents.Received;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.kafka.common.header.Headers;

/**
 * A channel's dispatch table: the event types it carries, by {@code ce_type}, each with what an event of that type
 * is read into. A record of any other type is not ours to guess at: it is malformed, so it goes to the dead-letter
 * topic and the records behind it keep flowing.
 */
final class EventTable<C> {

    private final String channel;
    private final Map<String, Entry<?, ? extends C>> entries = new LinkedHashMap<>();

    EventTable(String channel) {
        this.channel = channel;
    }

    String channel() {
        return channel;
    }

    /** Events of {@code type} are read into what {@code reader} makes of the event and the trace it arrived in. */
    <T> void put(EventType<T> type, BiFunction<Received<T>, Context, ? extends C> reader) {
        if (entries.putIfAbsent(type.type(), new Entry<>(type, reader)) != null) {
            throw new IllegalArgumentException("channel " + channel + " already reads " + type.type());
        }
    }

    /**
     * Reads a record by its {@code ce_type}; throws {@link MalformedEventException} for a type the channel does not
     * carry, or a record that is not a readable event of its type (see {@link IncomingEvents#read}).
     *
     * @param trace the trace the record arrived in, for the reader; null for the current one
     */
    C read(Headers headers, String value, Context trace) {
        String type = IncomingEvents.typeOf(headers);
        Entry<?, ? extends C> entry = entries.get(type);
        if (entry == null) {
            throw new MalformedEventException(type.isEmpty() ? "(no ce_type)" : type,
                    new IllegalArgumentException("the " + channel + " topic carries no such event type"));
        }
        return entry.read(headers, value, trace);
    }

    private record Entry<T, C>(EventType<T> type, BiFunction<Received<T>, Context, C> reader) {

        C read(Headers headers, String value, Context trace) {
            return reader.apply(IncomingEvents.read(headers, value, type), trace);
        }
    }
}
