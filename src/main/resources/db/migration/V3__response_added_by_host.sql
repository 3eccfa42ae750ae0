-- A response the host added keeps that fact while hidden, so restoring it makes it MANUAL again
-- rather than AUTO, and a hidden hand-added post without evidence stays valid.
ALTER TABLE response ADD COLUMN added_by_host BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE response SET added_by_host = TRUE WHERE state = 'MANUAL';

ALTER TABLE response DROP CONSTRAINT response_has_evidence;
ALTER TABLE response ADD CONSTRAINT response_has_evidence CHECK (added_by_host OR by_link OR by_tag);
-- MANUAL exactly when added by the host, unless hidden (which either kind can be).
ALTER TABLE response ADD CONSTRAINT response_manual_means_added
    CHECK (state = 'HIDDEN' OR (state = 'MANUAL') = added_by_host);

-- The series feed lists the newest matches first.
CREATE INDEX response_matched_at_idx ON response (matched_at DESC);
