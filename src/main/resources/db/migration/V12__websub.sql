-- WebSub subscriber (issue 12, item 1): at most one subscription per feed, to the hub the feed
-- announces. Any instance runs the worker (claims with a lease and SKIP LOCKED) and answers any
-- callback: everything the callback needs (token, topic, secret, state) is here.
CREATE TABLE websub_subscription (
    id               BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- Null once the feed is gone (its last participant left, V5) or announces another hub or topic:
    -- the worker then unsubscribes from the hub and deletes the row.
    feed_id          BIGINT      REFERENCES feed (id) ON DELETE SET NULL,
    hub_url          TEXT        NOT NULL,
    topic_url        TEXT        NOT NULL,
    -- The last segment of the callback URL: random, so a callback names one subscription and cannot be guessed.
    callback_token   TEXT        NOT NULL,
    -- hub.secret, the HMAC key of the pushed bodies' signatures: it must be readable, not hashed.
    secret           TEXT        NOT NULL,
    state            TEXT        NOT NULL
                                 CHECK (state IN ('SUBSCRIBE', 'SUBSCRIBING', 'ACTIVE', 'FAILED', 'UNSUBSCRIBING')),
    lease_seconds    INTEGER     CHECK (lease_seconds > 0),
    lease_expires_at TIMESTAMPTZ,
    verified_at      TIMESTAMPTZ,
    -- When the worker acts next: send the request, send it again (no verification came), renew.
    next_attempt_at  TIMESTAMPTZ NOT NULL,
    attempts         INTEGER     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    leased_until     TIMESTAMPTZ,
    claim_id         UUID,
    last_error       TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    CONSTRAINT websub_subscription_feed_key UNIQUE (feed_id),
    CONSTRAINT websub_subscription_callback_key UNIQUE (callback_token),
    CONSTRAINT websub_subscription_active_has_lease
        CHECK (state <> 'ACTIVE' OR (lease_seconds IS NOT NULL AND lease_expires_at IS NOT NULL)),
    CONSTRAINT websub_subscription_lease_has_claim CHECK ((leased_until IS NULL) = (claim_id IS NULL))
);
CREATE INDEX websub_subscription_due_idx ON websub_subscription (next_attempt_at);
-- Orphans are unsubscribed at once, whenever their next attempt was planned.
CREATE INDEX websub_subscription_orphan_idx ON websub_subscription (id) WHERE feed_id IS NULL;

-- Feeds polled before this version were never looked at for a hub, and a feed whose body has not
-- changed is not parsed again (a 304, or the same bytes): forget their validators and body hash so that
-- the next poll of each is a full GET that is parsed. Its entries, unchanged, cost nothing more.
UPDATE feed SET etag = NULL, last_modified = NULL, body_hash = NULL;
