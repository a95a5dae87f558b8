-- Each recipient's own settings, keyed by their recipient id: a runner's runnerId, or for a PT "pt-" and the first
-- 20 hex digits of the SHA-256 of their lowercased, trimmed email (PTs have no id of their own in plans). A
-- recipient who never changed anything has no row; the defaults then hold.
CREATE TABLE recipient_preferences (
    recipient_id VARCHAR(64)  PRIMARY KEY,
    role         VARCHAR(16)  NOT NULL,
    email        VARCHAR(320) NOT NULL,
    digest       BOOLEAN      NOT NULL DEFAULT TRUE,
    quiet_from   TIME,
    quiet_to     TIME,
    -- NULL: the zone the plan gives (the runner's, or the PT's own), following later plans.
    time_zone    VARCHAR(64),
    updated_at   TIMESTAMPTZ  NOT NULL,
    CONSTRAINT recipient_preferences_role CHECK (role IN ('RUNNER', 'PT')),
    CONSTRAINT recipient_preferences_quiet_hours CHECK ((quiet_from IS NULL) = (quiet_to IS NULL)
        AND (quiet_from IS NULL OR quiet_from <> quiet_to))
);

-- Addresses that asked for no more email, lowercased and trimmed. Kept by address rather than by recipient id: a
-- runner's id may point at another address after a new plan, but an address that unsubscribed stays unsubscribed.
CREATE TABLE unsubscribed_address (
    email           VARCHAR(320) PRIMARY KEY,
    recipient_id    VARCHAR(64)  NOT NULL,
    unsubscribed_at TIMESTAMPTZ  NOT NULL
);

-- A delivery closed without sending: its address unsubscribed, or a PT turned the daily digest off.
ALTER TABLE delivery DROP CONSTRAINT delivery_state;
ALTER TABLE delivery ADD CONSTRAINT delivery_state
    CHECK (state IN ('PENDING', 'SENDING', 'SENT', 'PENDING_DIGEST', 'FAILED', 'WITHDRAWN', 'SUPPRESSED'));
