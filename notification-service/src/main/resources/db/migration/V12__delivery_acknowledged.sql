-- A PT's WARNING waiting for the digest leaves it once the PT has acknowledged the alert (AlertAcknowledged).
ALTER TABLE delivery DROP CONSTRAINT delivery_state;
ALTER TABLE delivery ADD CONSTRAINT delivery_state
    CHECK (state IN ('PENDING', 'SENDING', 'SENT', 'PENDING_DIGEST', 'FAILED', 'WITHDRAWN', 'SUPPRESSED', 'ACKNOWLEDGED'));
