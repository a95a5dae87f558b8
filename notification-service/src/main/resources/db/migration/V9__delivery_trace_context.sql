-- The trace an email belongs to: the W3C trace context current when its delivery was recorded (the alert's
-- trace, which began at the webhook), so sending it, however much later, continues that trace.
ALTER TABLE delivery ADD COLUMN traceparent VARCHAR(55);
ALTER TABLE delivery ADD COLUMN tracestate VARCHAR(512);
