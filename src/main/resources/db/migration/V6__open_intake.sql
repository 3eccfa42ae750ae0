-- Issue 9: open intake. Responses found by Webmention, Pingback and the invitation's comments, from
-- blogs that may not be participants yet.

-- Where a response was found; a post found by several channels is still one response (the first
-- channel is kept). PENDING: found by an intake, waiting for the host (not shown to readers).
ALTER TABLE response ADD COLUMN source VARCHAR(10) NOT NULL DEFAULT 'FEED';
UPDATE response SET source = 'HOST' WHERE added_by_host;
ALTER TABLE response ADD CONSTRAINT response_source
    CHECK (source IN ('FEED', 'WEBMENTION', 'PINGBACK', 'COMMENT', 'HOST'));
-- Why an intake decided as it did, shown to the host ("found by pingback on the invitation; ...").
ALTER TABLE response ADD COLUMN reason TEXT;
ALTER TABLE response DROP CONSTRAINT response_state;
ALTER TABLE response ADD CONSTRAINT response_state CHECK (state IN ('AUTO', 'HIDDEN', 'MANUAL', 'PENDING'));

-- A blog found by an intake becomes a participant without a token: nobody registered it.
ALTER TABLE participant ADD COLUMN origin VARCHAR(10) NOT NULL DEFAULT 'REGISTERED';
ALTER TABLE participant ADD CONSTRAINT participant_origin CHECK (origin IN ('REGISTERED', 'DISCOVERED'));
ALTER TABLE participant ALTER COLUMN token_hash DROP NOT NULL;
ALTER TABLE participant ADD CONSTRAINT participant_registered_has_token
    CHECK (origin = 'DISCOVERED' OR token_hash IS NOT NULL);

-- REVIEW: verified candidates from unknown blogs wait for the host; AUTO: accepted directly.
ALTER TABLE series ADD COLUMN intake_policy VARCHAR(6) NOT NULL DEFAULT 'REVIEW';
ALTER TABLE series ADD CONSTRAINT series_intake_policy CHECK (intake_policy IN ('REVIEW', 'AUTO'));

-- A post stored from its own web page (added by URL, found by an intake) is keyed by its URL; when
-- the feed later lists it under its real guid, the feed entry takes that row over (PostStore).
CREATE INDEX post_page_keyed_idx ON post (feed_id) WHERE guid = url;

-- The verification queue: one row per (assignment, source) whatever the channel, shared by every
-- instance (claimed with SKIP LOCKED and a lease, like feeds). Its random id is the public status URL.
CREATE TABLE mention (
    id              UUID          PRIMARY KEY DEFAULT gen_random_uuid(),
    assignment_id   BIGINT        NOT NULL REFERENCES assignment (id) ON DELETE CASCADE,
    channel         VARCHAR(10)   NOT NULL,
    -- How the candidate was found, e.g. "pingback on the invitation" (shown in explanations).
    found_by        VARCHAR(200)  NOT NULL,
    source_url      VARCHAR(2048) NOT NULL,
    -- The normalized source: one row per post, however its address is spelled.
    source_key      VARCHAR(2048) NOT NULL,
    target_url      VARCHAR(2048) NOT NULL,
    verification    VARCHAR(8)    NOT NULL DEFAULT 'QUEUED',
    detail          TEXT          NOT NULL DEFAULT '',
    response_id     BIGINT        REFERENCES response (id) ON DELETE SET NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ   NOT NULL DEFAULT now(),
    leased_until    TIMESTAMPTZ,
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT mention_assignment_source_key UNIQUE (assignment_id, source_key),
    CONSTRAINT mention_channel CHECK (channel IN ('WEBMENTION', 'PINGBACK', 'COMMENT')),
    CONSTRAINT mention_verification CHECK (verification IN ('QUEUED', 'VERIFIED', 'REJECTED')),
    CONSTRAINT mention_attempts_nonnegative CHECK (attempts >= 0)
);
CREATE INDEX mention_due_idx ON mention (next_attempt_at) WHERE verification = 'QUEUED';
CREATE INDEX mention_response_idx ON mention (response_id);

-- The invitation watcher's state per assignment: conditional-GET validators and its schedule.
-- Not on assignment itself: every update there bumps the round-up version (V4).
CREATE TABLE invitation_watch (
    assignment_id   BIGINT        PRIMARY KEY REFERENCES assignment (id) ON DELETE CASCADE,
    url             VARCHAR(2048) NOT NULL,
    etag            VARCHAR(1024),
    last_modified   VARCHAR(200),
    -- Hash of the candidates last listed: a changed page that lists the same ones re-queues nothing.
    listed_hash     BYTEA,
    next_check_at   TIMESTAMPTZ   NOT NULL DEFAULT now(),
    leased_until    TIMESTAMPTZ,
    last_checked_at TIMESTAMPTZ,
    last_status     INT,
    last_error      TEXT,
    error_count     INT           NOT NULL DEFAULT 0
);
CREATE INDEX invitation_watch_due_idx ON invitation_watch (next_check_at);
