-- The PT's own zone, when the plan gives it: their daily digest goes out at 07:00 there.
ALTER TABLE contact ADD COLUMN pt_time_zone VARCHAR(64);
