-- Telling participants they are in (issue 11, item 4): one Webmention per post of a published
-- round-up, from the assignment's page (source_url) to the post (target_url). The row is the promise
-- that it is sent once: keyed by (assignment, target), so a response removed and added again, or
-- hidden and restored, finds its row and is not announced a second time. Claimed with a lease and
-- SKIP LOCKED by any instance; sent outside any transaction; the result recorded afterwards.
CREATE TABLE announcement (
    id              BIGINT        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    assignment_id   BIGINT        NOT NULL REFERENCES assignment (id) ON DELETE CASCADE,
    -- The response it announces; null once that response is gone (a removed participant).
    response_id     BIGINT        REFERENCES response (id) ON DELETE SET NULL,
    source_url      TEXT          NOT NULL,
    target_url      TEXT          NOT NULL,
    state           TEXT          NOT NULL DEFAULT 'QUEUED'
                                  CHECK (state IN ('QUEUED', 'SENT', 'NO_ENDPOINT', 'FAILED')),
    attempts        INTEGER       NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at TIMESTAMPTZ   NOT NULL,
    -- Set while an instance sends it; a crashed send is claimed again once the lease has passed.
    leased_until    TIMESTAMPTZ,
    claim_id        UUID,
    endpoint_url    TEXT,
    last_status     INTEGER,
    detail          TEXT          NOT NULL DEFAULT '',
    sent_at         TIMESTAMPTZ,
    created_at      TIMESTAMPTZ   NOT NULL,
    updated_at      TIMESTAMPTZ   NOT NULL,
    CONSTRAINT announcement_assignment_target_key UNIQUE (assignment_id, target_url),
    CONSTRAINT announcement_sent_has_status CHECK (state <> 'SENT' OR (sent_at IS NOT NULL AND last_status IS NOT NULL)),
    CONSTRAINT announcement_lease_has_claim CHECK ((leased_until IS NULL) = (claim_id IS NULL))
);
CREATE INDEX announcement_due_idx ON announcement (next_attempt_at) WHERE state = 'QUEUED';
CREATE INDEX announcement_response_idx ON announcement (response_id);

-- Auto-publishing looks for unpublished round-ups whose grace period is over.
CREATE INDEX assignment_unpublished_idx ON assignment (closes_at) WHERE roundup_published_at IS NULL;
