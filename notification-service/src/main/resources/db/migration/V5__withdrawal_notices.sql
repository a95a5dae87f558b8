-- Whoever was emailed about an alert that is later withdrawn gets one more email saying it no longer applies: a
-- delivery of kind WITHDRAWAL, once per (alert, recipient) like the alert itself.
ALTER TABLE delivery ADD COLUMN kind VARCHAR(16) NOT NULL DEFAULT 'ALERT';
ALTER TABLE delivery ADD COLUMN note TEXT;
ALTER TABLE delivery DROP CONSTRAINT delivery_once_per_recipient;
ALTER TABLE delivery ADD CONSTRAINT delivery_once_per_recipient UNIQUE (alert_id, recipient_role, kind);
ALTER TABLE delivery ADD CONSTRAINT delivery_kind CHECK (kind IN ('ALERT', 'WITHDRAWAL'));
