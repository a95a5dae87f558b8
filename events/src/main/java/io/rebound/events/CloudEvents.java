package io.rebound.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** CloudEvents attributes carried as Kafka headers (the Kafka protocol binding, binary mode). */
public final class CloudEvents {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEvents() {
    }

    /**
     * @param id     stable for the same fact, so consumers can drop duplicates
     * @param source the producing service, e.g. {@code /rebound/activity-service}
     */
    public static Headers headers(String id, EventType<?> type, String source, Instant time) {
        return headers(id, type.type(), source, time);
    }

    /** As {@link #headers(String, EventType, String, Instant)}, for a type stored as its {@code ce_type} string. */
    public static Headers headers(String id, String type, String source, Instant time) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(SPEC_VERSION, bytes("1.0"));
        headers.add(ID, bytes(id));
        headers.add(TYPE, bytes(type));
        headers.add(SOURCE, bytes(source));
        headers.add(TIME, bytes(time.toString()));
        headers.add(CONTENT_TYPE, bytes("application/json"));
        return headers;
    }

    public static Optional<String> header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
