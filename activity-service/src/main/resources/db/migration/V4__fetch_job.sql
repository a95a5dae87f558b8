-- Pull-style providers (Strava, Polar) only say "something changed": the activity is fetched afterwards, from this
-- queue, so the webhook is answered at once and nothing is lost if the provider or we are down for a while.
CREATE TABLE fetch_job (
    id                   UUID PRIMARY KEY,
    provider             VARCHAR(16)   NOT NULL,
    provider_user_id     VARCHAR(200)  NOT NULL,
    provider_activity_id VARCHAR(200)  NOT NULL,
    url                  VARCHAR(2000),
    state                VARCHAR(16)   NOT NULL,
    attempts             INTEGER       NOT NULL DEFAULT 0,
    next_attempt_at      TIMESTAMPTZ   NOT NULL,
    last_error           VARCHAR(1000),
    created_at           TIMESTAMPTZ   NOT NULL
);

CREATE INDEX fetch_job_due ON fetch_job (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX fetch_job_unlinked ON fetch_job (provider, provider_user_id) WHERE state = 'UNLINKED';
