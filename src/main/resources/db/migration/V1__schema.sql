-- Carnival schema. The database enforces identity and integrity; the Java code relies on it.

CREATE TABLE series (
    id              BIGSERIAL PRIMARY KEY,
    slug            VARCHAR(64)   NOT NULL,
    title           VARCHAR(200)  NOT NULL,
    description     TEXT          NOT NULL DEFAULT '',
    hashtag         VARCHAR(64)   NOT NULL,
    home_url        VARCHAR(2048),
    host_token_hash BYTEA         NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT series_slug_key UNIQUE (slug),
    CONSTRAINT series_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    CONSTRAINT series_hashtag_format CHECK (hashtag ~ '^[A-Za-z0-9_]+$'),
    CONSTRAINT series_token_hash_length CHECK (octet_length(host_token_hash) = 32)
);

CREATE TABLE assignment (
    id             BIGSERIAL PRIMARY KEY,
    series_id      BIGINT        NOT NULL REFERENCES series (id) ON DELETE CASCADE,
    number         INT           NOT NULL,
    title          VARCHAR(300)  NOT NULL,
    invitation_url VARCHAR(2048) NOT NULL,
    opens_at       TIMESTAMPTZ   NOT NULL,
    closes_at      TIMESTAMPTZ   NOT NULL,
    timezone       VARCHAR(64)   NOT NULL DEFAULT 'UTC',
    grace_minutes  INT           NOT NULL DEFAULT 0,
    match_rule     VARCHAR(16)   NOT NULL DEFAULT 'LINK_OR_TAG',
    hashtag        VARCHAR(64),
    roundup_intro  TEXT          NOT NULL DEFAULT '',
    created_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT assignment_series_number_key UNIQUE (series_id, number),
    CONSTRAINT assignment_number_positive CHECK (number > 0),
    CONSTRAINT assignment_window_order CHECK (closes_at > opens_at),
    CONSTRAINT assignment_grace_nonnegative CHECK (grace_minutes >= 0),
    CONSTRAINT assignment_match_rule CHECK (match_rule IN ('LINK_OR_TAG', 'LINK_AND_TAG', 'LINK_ONLY', 'TAG_ONLY')),
    CONSTRAINT assignment_hashtag_format CHECK (hashtag IS NULL OR hashtag ~ '^[A-Za-z0-9_]+$')
);

CREATE TABLE assignment_question (
    assignment_id BIGINT        NOT NULL REFERENCES assignment (id) ON DELETE CASCADE,
    position      INT           NOT NULL CHECK (position >= 0),
    text          VARCHAR(2000) NOT NULL,
    PRIMARY KEY (assignment_id, position)
);

CREATE TABLE assignment_alias (
    assignment_id BIGINT        NOT NULL REFERENCES assignment (id) ON DELETE CASCADE,
    position      INT           NOT NULL CHECK (position >= 0),
    url           VARCHAR(2048) NOT NULL,
    PRIMARY KEY (assignment_id, position)
);

-- One row per distinct feed URL: a feed is fetched once per poll however many participants share it.
CREATE TABLE feed (
    id             BIGSERIAL PRIMARY KEY,
    url            VARCHAR(2048) NOT NULL,
    title          VARCHAR(500),
    etag           VARCHAR(1024),
    last_modified  VARCHAR(200),
    last_polled_at TIMESTAMPTZ,
    next_poll_at   TIMESTAMPTZ   NOT NULL DEFAULT now(),
    leased_until   TIMESTAMPTZ,
    last_status    INT,
    error_count    INT           NOT NULL DEFAULT 0,
    last_error     TEXT,
    paused         BOOLEAN       NOT NULL DEFAULT FALSE,
    paused_reason  TEXT,
    created_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT feed_url_key UNIQUE (url),
    CONSTRAINT feed_error_count_nonnegative CHECK (error_count >= 0)
);
CREATE INDEX feed_due_idx ON feed (next_poll_at) WHERE NOT paused;

CREATE TABLE participant (
    id         BIGSERIAL PRIMARY KEY,
    series_id  BIGINT        NOT NULL REFERENCES series (id) ON DELETE CASCADE,
    feed_id    BIGINT        NOT NULL REFERENCES feed (id),
    name       VARCHAR(200)  NOT NULL,
    blog_url   VARCHAR(2048) NOT NULL,
    avatar_url VARCHAR(2048),
    token_hash BYTEA         NOT NULL,
    created_at TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT participant_series_feed_key UNIQUE (series_id, feed_id),
    CONSTRAINT participant_token_hash_length CHECK (octet_length(token_hash) = 32)
);
CREATE INDEX participant_feed_idx ON participant (feed_id);

CREATE TABLE post (
    id            BIGSERIAL PRIMARY KEY,
    feed_id       BIGINT       NOT NULL REFERENCES feed (id) ON DELETE CASCADE,
    guid          VARCHAR(2048) NOT NULL,
    url           VARCHAR(4096),
    title         TEXT         NOT NULL DEFAULT '',
    author        VARCHAR(500),
    published_at  TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ,
    categories    TEXT[]       NOT NULL DEFAULT '{}',
    content       TEXT         NOT NULL DEFAULT '',
    links         TEXT[]       NOT NULL DEFAULT '{}',
    summary_only  BOOLEAN      NOT NULL DEFAULT FALSE,
    -- Links in the main content of the post's own page; NULL until that page has been fetched (once).
    page_links    TEXT[],
    content_hash  BYTEA        NOT NULL,
    first_seen_at TIMESTAMPTZ  NOT NULL,
    CONSTRAINT post_feed_guid_key UNIQUE (feed_id, guid)
);
CREATE INDEX post_feed_published_idx ON post (feed_id, published_at DESC);

CREATE TABLE response (
    id             BIGSERIAL PRIMARY KEY,
    assignment_id  BIGINT      NOT NULL REFERENCES assignment (id) ON DELETE CASCADE,
    post_id        BIGINT      NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    participant_id BIGINT      NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
    by_link        BOOLEAN     NOT NULL,
    by_tag         BOOLEAN     NOT NULL,
    late           BOOLEAN     NOT NULL,
    state          VARCHAR(8)  NOT NULL DEFAULT 'AUTO',
    matched_at     TIMESTAMPTZ NOT NULL,
    CONSTRAINT response_assignment_post_key UNIQUE (assignment_id, post_id),
    CONSTRAINT response_state CHECK (state IN ('AUTO', 'HIDDEN', 'MANUAL')),
    CONSTRAINT response_has_evidence CHECK (state = 'MANUAL' OR by_link OR by_tag)
);
CREATE INDEX response_post_idx ON response (post_id);
