CREATE TABLE plan (
    id                UUID PRIMARY KEY,
    runner_id         VARCHAR(64)      NOT NULL UNIQUE,
    race_date         DATE             NOT NULL,
    time_zone         VARCHAR(64)      NOT NULL,
    peak_week_metres  DOUBLE PRECISION NOT NULL,
    distance_unit     VARCHAR(2)       NOT NULL,
    runner_name       VARCHAR(100)     NOT NULL,
    runner_email      VARCHAR(254)     NOT NULL,
    pt_name           VARCHAR(100)     NOT NULL,
    pt_email          VARCHAR(254)     NOT NULL,
    version           INTEGER          NOT NULL,
    created_at        TIMESTAMPTZ      NOT NULL,
    changed_at        TIMESTAMPTZ      NOT NULL
);

-- Every activity the runner logged, as received: the history each evaluation reads.
CREATE TABLE ledger_activity (
    activity_id          UUID PRIMARY KEY,
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

CREATE INDEX ledger_activity_runner_start ON ledger_activity (runner_id, start_time);

-- Alerts already raised; the id is derived from (plan, phase, rule, severity), so each crossing alerts once.
CREATE TABLE raised_alert (
    alert_id    UUID PRIMARY KEY,
    plan_id     UUID        NOT NULL,
    runner_id   VARCHAR(64) NOT NULL,
    rule        VARCHAR(64) NOT NULL,
    phase       VARCHAR(16) NOT NULL,
    severity    VARCHAR(16) NOT NULL,
    activity_id UUID        NOT NULL,
    raised_at   TIMESTAMPTZ NOT NULL
);

CREATE INDEX raised_alert_runner ON raised_alert (runner_id);
