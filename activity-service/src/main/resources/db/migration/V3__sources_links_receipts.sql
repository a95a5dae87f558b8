-- Which provider activities an activity stands for: the same run from a retry, or from a second provider for one
-- watch, maps to the activity already stored.
CREATE TABLE activity_source (
    provider             VARCHAR(16)  NOT NULL,
    provider_activity_id VARCHAR(200) NOT NULL,
    activity_id          UUID         NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
    PRIMARY KEY (provider, provider_activity_id)
);

CREATE INDEX activity_source_activity ON activity_source (activity_id);

-- A provider's user, tied to a runner; pull-style providers' access tokens are stored encrypted.
CREATE TABLE device_link (
    provider         VARCHAR(16)  NOT NULL,
    provider_user_id VARCHAR(200) NOT NULL,
    runner_id        VARCHAR(64)  NOT NULL,
    access_token     TEXT,
    created_at       TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (provider, provider_user_id)
);

-- Every webhook delivery we acknowledged: the idempotency record, and for an unknown provider user the activity
-- kept until a link is made.
CREATE TABLE webhook_receipt (
    id               UUID         PRIMARY KEY,
    provider         VARCHAR(16)  NOT NULL,
    provider_user_id VARCHAR(200) NOT NULL,
    delivery_id      VARCHAR(200),
    operation        VARCHAR(16)  NOT NULL,
    payload          TEXT         NOT NULL,
    state            VARCHAR(16)  NOT NULL,
    received_at      TIMESTAMPTZ  NOT NULL,
    applied_at       TIMESTAMPTZ,
    UNIQUE (provider, delivery_id)
);

CREATE INDEX webhook_receipt_unlinked ON webhook_receipt (provider, provider_user_id, received_at) WHERE state = 'UNLINKED';
