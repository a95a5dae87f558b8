CREATE TABLE activity (
    id                   UUID PRIMARY KEY,
    runner_id            VARCHAR(64)      NOT NULL,
    sport                VARCHAR(32)      NOT NULL,
    start_time           TIMESTAMPTZ      NOT NULL,
    start_offset_seconds INTEGER          NOT NULL,
    duration_seconds     BIGINT           NOT NULL,
    distance_metres      DOUBLE PRECISION NOT NULL,
    perceived_effort     INTEGER,
    average_heart_rate   INTEGER,
    accepted_at          TIMESTAMPTZ      NOT NULL
);

CREATE INDEX activity_runner_start ON activity (runner_id, start_time DESC);
