package io.rebound.support.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An event stored with the change it reports, waiting for the relay to publish it. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    /** Publication order: events leave in the order they were committed. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    /** The CloudEvents id; stable for the same fact. */
    @Column(name = "event_id", nullable = false, unique = true)
    public String eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "event_key", nullable = false)
    public String eventKey;

    /** The CloudEvents type, e.g. {@code rebound.activity.recorded.v1}. */
    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** The W3C trace context of the change that staged this event; null when tracing was off. */
    @Column(name = "traceparent")
    public String traceparent;

    @Column(name = "tracestate")
    public String tracestate;
}
