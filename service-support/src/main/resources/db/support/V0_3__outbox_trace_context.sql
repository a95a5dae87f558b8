-- The W3C trace context current when an event was staged, set as Kafka headers when it is relayed, so the
-- consumer's work continues the trace of the change that caused the event. Null when tracing was off.
ALTER TABLE outbox_event ADD COLUMN traceparent VARCHAR(55);
ALTER TABLE outbox_event ADD COLUMN tracestate  VARCHAR(512);
