-- PT ids (SECURITY-NOTES.md): the id a plan gives its PT, the subject of their tokens and their recipient id. Plans
-- written before the id travelled on the plans topic name the PT by email only; their id is derived from it exactly
-- as RecipientIds.ofPt does ('pt-' and 20 hex digits of the SHA-256 of the trimmed, lowercased address).
ALTER TABLE contact ADD COLUMN pt_id VARCHAR(64);
UPDATE contact SET pt_id = 'pt-' || left(encode(sha256(convert_to(lower(btrim(pt_email)), 'UTF8')), 'hex'), 20);
ALTER TABLE contact ALTER COLUMN pt_id SET NOT NULL;
CREATE INDEX contact_pt_id ON contact (pt_id, changed_at);

-- Each delivery keeps its recipient's id as it was when the alert came, for their preferences and email footer.
ALTER TABLE delivery ADD COLUMN recipient_id VARCHAR(64);
UPDATE delivery SET recipient_id = CASE recipient_role WHEN 'PT'
    THEN 'pt-' || left(encode(sha256(convert_to(lower(btrim(recipient_email)), 'UTF8')), 'hex'), 20)
    ELSE runner_id END;
ALTER TABLE delivery ALTER COLUMN recipient_id SET NOT NULL;
