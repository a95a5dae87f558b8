-- Out-of-order deliveries: each provider activity remembers the provider's time of the version we hold, so an
-- older version arriving late changes nothing, and a deletion leaves a tombstone so a late "created" cannot bring
-- the activity back.
ALTER TABLE activity_source ADD COLUMN updated_at TIMESTAMPTZ;
ALTER TABLE activity_source ADD COLUMN deleted BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE activity_source ALTER COLUMN activity_id DROP NOT NULL;
ALTER TABLE activity_source DROP CONSTRAINT activity_source_activity_id_fkey;
ALTER TABLE activity_source ADD CONSTRAINT activity_source_activity_id_fkey
    FOREIGN KEY (activity_id) REFERENCES activity (id) ON DELETE SET NULL;
