-- OAuth connections (issue 15): a link made through a provider's OAuth flow keeps the refresh token and the access
-- token's expiry beside the access token (all tokens encrypted with TokenCipher), whether the runner must connect
-- again, and when it was last connected and backfilled.
ALTER TABLE device_link
    ADD COLUMN refresh_token          TEXT,
    ADD COLUMN token_expires_at       TIMESTAMPTZ,
    ADD COLUMN status                 VARCHAR(24) NOT NULL DEFAULT 'connected',
    ADD COLUMN connected_at           TIMESTAMPTZ,
    ADD COLUMN backfill_requested_at  TIMESTAMPTZ;

CREATE INDEX device_link_runner ON device_link (runner_id);

-- The fetch queue also carries backfill work: a page of Strava's activity list, or one window of Garmin's backfill.
-- Jobs a connect queued (and the activity fetches they spawn) are marked, so a connection can say how its backfill goes.
ALTER TABLE fetch_job
    ADD COLUMN kind         VARCHAR(24) NOT NULL DEFAULT 'activity',
    ADD COLUMN backfill     BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN window_start TIMESTAMPTZ,
    ADD COLUMN window_end   TIMESTAMPTZ,
    ADD COLUMN page         INTEGER;

CREATE INDEX fetch_job_backfill ON fetch_job (provider, provider_user_id) WHERE backfill;
