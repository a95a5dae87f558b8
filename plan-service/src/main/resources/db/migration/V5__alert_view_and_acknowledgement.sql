-- What the raised alert carried, as JSON, so the API can show it as the emails did: the tipping activity, the
-- window's running day by day, and the runner's allowance on the day it was raised. Rows raised before are null.
ALTER TABLE raised_alert ADD COLUMN activity_json TEXT;
ALTER TABLE raised_alert ADD COLUMN running_json  TEXT;
ALTER TABLE raised_alert ADD COLUMN today_json    TEXT;

-- A PT's (or an admin's) acknowledgement of a raised alert: who (their token's subject), what they wrote, when.
ALTER TABLE raised_alert ADD COLUMN acknowledged_by   VARCHAR(255);
ALTER TABLE raised_alert ADD COLUMN acknowledged_note VARCHAR(1000);
ALTER TABLE raised_alert ADD COLUMN acknowledged_at   TIMESTAMPTZ;

-- The inbox lists alerts newest first.
CREATE INDEX raised_alert_raised_at ON raised_alert (raised_at DESC);
