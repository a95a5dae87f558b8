-- An injured runner's PT hears every WARNING at once, not in the daily digest.
ALTER TABLE contact ADD COLUMN injured BOOLEAN NOT NULL DEFAULT FALSE;
