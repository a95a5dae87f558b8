-- The PT's id, the subject of their bearer token: given with the plan, or derived from their email as
-- notification-service names PT recipients (service-support's PtIds): 'pt-' and 20 hex digits of SHA-256.
ALTER TABLE plan ADD COLUMN pt_id VARCHAR(64);
UPDATE plan SET pt_id = 'pt-' || substr(encode(sha256(convert_to(lower(trim(pt_email)), 'UTF8')), 'hex'), 1, 20);
ALTER TABLE plan ALTER COLUMN pt_id SET NOT NULL;
CREATE INDEX plan_pt_id ON plan (pt_id);
