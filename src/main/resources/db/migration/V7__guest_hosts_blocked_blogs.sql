-- Host rotation (issue 10): an assignment may be planned months ahead with only a number, a window
-- and a guest host; its title and invitation come later (the service requires them once it opens).
ALTER TABLE assignment ALTER COLUMN title DROP NOT NULL;
ALTER TABLE assignment ALTER COLUMN invitation_url DROP NOT NULL;
ALTER TABLE assignment ADD COLUMN guest_host_name VARCHAR(200);
ALTER TABLE assignment ADD COLUMN guest_host_url VARCHAR(2048);
-- The guest host's token, scoped to this assignment; stored only as its SHA-256 hash.
ALTER TABLE assignment ADD COLUMN guest_token_hash BYTEA;
ALTER TABLE assignment ADD CONSTRAINT assignment_guest_token_hash_length
    CHECK (guest_token_hash IS NULL OR octet_length(guest_token_hash) = 32);
ALTER TABLE assignment ADD CONSTRAINT assignment_guest_token_needs_guest
    CHECK (guest_token_hash IS NULL OR guest_host_name IS NOT NULL);
ALTER TABLE assignment ADD CONSTRAINT assignment_guest_url_needs_name
    CHECK (guest_host_url IS NULL OR guest_host_name IS NOT NULL);

-- Blog and feed addresses the host removed and blocked from registering again in a series,
-- compared in their normalized form (url_key); the address as given is kept to show it.
CREATE TABLE blocked_blog (
    id         BIGSERIAL PRIMARY KEY,
    series_id  BIGINT        NOT NULL REFERENCES series (id) ON DELETE CASCADE,
    url_key    VARCHAR(2048) NOT NULL,
    url        VARCHAR(2048) NOT NULL,
    name       VARCHAR(200)  NOT NULL,
    reason     VARCHAR(500),
    blocked_at TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT blocked_blog_series_key UNIQUE (series_id, url_key)
);
