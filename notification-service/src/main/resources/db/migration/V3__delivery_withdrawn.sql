-- A delivery not yet sent when its alert was withdrawn is WITHDRAWN: nothing goes out about an alert that no longer holds.
ALTER TABLE delivery DROP CONSTRAINT delivery_state;
ALTER TABLE delivery ADD CONSTRAINT delivery_state
    CHECK (state IN ('PENDING', 'SENDING', 'SENT', 'PENDING_DIGEST', 'FAILED', 'WITHDRAWN'));
