-- An uploaded file is the runner's own: its identity is the runner and the file's content, so two runners uploading
-- the same file (a run they shared) each get their own activity. Existing rows take their runner from the activity;
-- rows whose activity the runner deleted stood for nothing any more and go.
UPDATE activity_source s SET provider_activity_id = a.runner_id || '/' || s.provider_activity_id
    FROM activity a
    WHERE s.provider = 'file' AND s.activity_id = a.id;
DELETE FROM activity_source WHERE provider = 'file' AND activity_id IS NULL;

-- A summary of a provider's batch that was refused on its own (the rest of the batch was stored), kept for the
-- operator with the reason, and swept with the unlinked deliveries.
CREATE TABLE refused_delivery (
    id               UUID          PRIMARY KEY,
    provider         VARCHAR(16)   NOT NULL,
    provider_user_id VARCHAR(200),
    item_id          VARCHAR(200),
    field            VARCHAR(200)  NOT NULL,
    reason           VARCHAR(1000) NOT NULL,
    body             TEXT          NOT NULL,
    received_at      TIMESTAMPTZ   NOT NULL
);

CREATE INDEX refused_delivery_received ON refused_delivery (received_at);

-- What a provider user last allowed us (Garmin's user permissions), newest change only.
CREATE TABLE provider_permission (
    provider         VARCHAR(16)   NOT NULL,
    provider_user_id VARCHAR(200)  NOT NULL,
    permissions      VARCHAR(1000) NOT NULL,
    changed_at       TIMESTAMPTZ,
    received_at      TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (provider, provider_user_id)
);

-- Our Strava push subscription as created through the admin endpoint: events must carry its id.
CREATE TABLE strava_subscription (
    id           BIGINT        PRIMARY KEY,
    callback_url VARCHAR(2000) NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL
);

CREATE INDEX fetch_job_unlinked_age ON fetch_job (provider, provider_user_id, created_at) WHERE state = 'UNLINKED';
