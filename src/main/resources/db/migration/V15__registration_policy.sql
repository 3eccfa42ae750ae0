-- Issue 13, item 3: registration policy per series, and caps. A public instance polls every feed
-- registered with it; a host may want to look at each new blog first, and no series may point an
-- unbounded number of feeds at one third-party site.

-- OPEN: a registration is polled at once (as before); REVIEW: it waits for the host's approval.
ALTER TABLE series ADD COLUMN registration_policy VARCHAR(6) NOT NULL DEFAULT 'OPEN';
ALTER TABLE series ADD CONSTRAINT series_registration_policy CHECK (registration_policy IN ('OPEN', 'REVIEW'));

-- PENDING: registered under REVIEW, not approved yet. Its feed is not polled on its behalf, it is
-- not listed publicly and gets no responses nor mails. Every participant so far is APPROVED.
ALTER TABLE participant ADD COLUMN status VARCHAR(8) NOT NULL DEFAULT 'APPROVED';
ALTER TABLE participant ADD CONSTRAINT participant_status CHECK (status IN ('APPROVED', 'PENDING'));
-- Only a registration waits for the host; a blog an intake discovered follows the intake policy.
ALTER TABLE participant ADD CONSTRAINT participant_pending_registered
    CHECK (status = 'APPROVED' OR origin = 'REGISTERED');
-- The host's list of the registrations waiting for approval.
CREATE INDEX participant_pending_idx ON participant (series_id) WHERE status = 'PENDING';

-- The host name of the feed's URL, lower case, without a leading "www." or a trailing dot: the
-- registrations of a series per feed host are capped (carnival.registration.max-feeds-per-host).
-- Computed by the database, so no code path can store a feed without it; indexed for the count.
ALTER TABLE feed ADD COLUMN host TEXT GENERATED ALWAYS AS (
    rtrim(regexp_replace(
        lower(substring(url FROM '^[A-Za-z][A-Za-z0-9+.-]*://(?:[^@/?#]*@)?(\[[^]/?#]*\]|[^:/?#]*)')),
        '^www\.', ''), '.')) STORED;
CREATE INDEX feed_host_idx ON feed (host);
