-- Each plan carries its own copy of the caps (a later template change leaves it alone), the runner's max heart
-- rate for heart-rate intensity, where the peak week came from, and the injured flag.
ALTER TABLE plan ADD COLUMN caps TEXT;
ALTER TABLE plan ADD COLUMN max_heart_rate INTEGER;
ALTER TABLE plan ADD COLUMN peak_week_source VARCHAR(16) NOT NULL DEFAULT 'GIVEN';
ALTER TABLE plan ADD COLUMN injured BOOLEAN NOT NULL DEFAULT FALSE;

-- Who changed which caps, when and why.
CREATE TABLE caps_override (
    id          UUID PRIMARY KEY,
    plan_id     UUID         NOT NULL REFERENCES plan (id),
    changed_by  VARCHAR(100) NOT NULL,
    reason      VARCHAR(500) NOT NULL,
    changes     TEXT         NOT NULL,
    changed_at  TIMESTAMPTZ  NOT NULL
);

CREATE INDEX caps_override_plan ON caps_override (plan_id, changed_at);

ALTER TABLE ledger_activity ADD COLUMN strides BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE ledger_activity ADD COLUMN massage_depth VARCHAR(8);

-- An alert is now a finding with a state: RAISED (published), SUPERSEDED (an OVERLOAD of the same rule was raised
-- with it), NOTED (an ADVISORY, shown but never sent), WITHDRAWN (no longer holds).
ALTER TABLE raised_alert ADD COLUMN window_key   VARCHAR(32);
ALTER TABLE raised_alert ADD COLUMN state        VARCHAR(16) NOT NULL DEFAULT 'RAISED';
ALTER TABLE raised_alert ADD COLUMN rule_text    VARCHAR(200);
ALTER TABLE raised_alert ADD COLUMN quantity     VARCHAR(16);
ALTER TABLE raised_alert ADD COLUMN limit_value  DOUBLE PRECISION;
ALTER TABLE raised_alert ADD COLUMN actual_value DOUBLE PRECISION;
ALTER TABLE raised_alert ADD COLUMN day          INTEGER;
ALTER TABLE raised_alert ADD COLUMN local_date   DATE;
ALTER TABLE raised_alert ADD COLUMN updated_at   TIMESTAMPTZ;
UPDATE raised_alert SET window_key = phase, updated_at = raised_at WHERE window_key IS NULL;
ALTER TABLE raised_alert ALTER COLUMN window_key SET NOT NULL;

CREATE INDEX raised_alert_plan_window ON raised_alert (plan_id, window_key);
