-- The PT's own zone, when given: their daily digest goes out at 07:00 there.
ALTER TABLE plan ADD COLUMN pt_time_zone VARCHAR(64);
