-- One row per alert and recipient: the unique key is what keeps an alert to one email per person.
CREATE TABLE delivery (
    id              UUID         PRIMARY KEY,
    alert_id        UUID         NOT NULL,
    runner_id       VARCHAR(64)  NOT NULL,
    recipient_role  VARCHAR(16)  NOT NULL,
    recipient_name  VARCHAR(200) NOT NULL,
    recipient_email VARCHAR(320) NOT NULL,
    runner_name     VARCHAR(200) NOT NULL,
    pt_name         VARCHAR(200) NOT NULL,
    severity        VARCHAR(16)  NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    attempts        INTEGER      NOT NULL DEFAULT 0,
    last_error      TEXT,
    subject         VARCHAR(500) NOT NULL,
    alert_payload   TEXT         NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    next_attempt_at TIMESTAMPTZ  NOT NULL,
    claimed_at      TIMESTAMPTZ,
    sent_at         TIMESTAMPTZ,
    CONSTRAINT delivery_once_per_recipient UNIQUE (alert_id, recipient_role),
    CONSTRAINT delivery_role CHECK (recipient_role IN ('RUNNER', 'PT')),
    CONSTRAINT delivery_state CHECK (state IN ('PENDING', 'SENDING', 'SENT', 'PENDING_DIGEST', 'FAILED'))
);

CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE state IN ('PENDING', 'SENDING');
CREATE INDEX delivery_runner ON delivery (runner_id, created_at);
