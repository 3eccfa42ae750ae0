-- Mails (issue 11, item 5): deadline reminders, "you are in the round-up", the host's digest of
-- failing feeds. Addresses are kept only while someone wants mail, and never shown.

-- A participant's address for reminders (null: reminders off, or unsubscribed: the address is
-- forgotten) and the time zone its reminders are timed in.
ALTER TABLE participant ADD COLUMN email VARCHAR(254);
ALTER TABLE participant ADD COLUMN time_zone VARCHAR(64) NOT NULL DEFAULT 'UTC';
ALTER TABLE participant ADD CONSTRAINT participant_email_format CHECK (email IS NULL OR email ~ '^[^@\s]+@[^@\s]+$');

-- Reminders go this many days before each deadline; the host's address for the digest of failing feeds.
ALTER TABLE series ADD COLUMN reminder_days INT NOT NULL DEFAULT 2;
ALTER TABLE series ADD CONSTRAINT series_reminder_days_range CHECK (reminder_days BETWEEN 0 AND 30);
ALTER TABLE series ADD COLUMN host_email VARCHAR(254);
ALTER TABLE series ADD CONSTRAINT series_host_email_format CHECK (host_email IS NULL OR host_email ~ '^[^@\s]+@[^@\s]+$');

-- When the feed's current run of failed polls began (the poll time of its first failure), null while
-- it succeeds. Kept by the database from error_count, so the poller writes nothing more for it.
ALTER TABLE feed ADD COLUMN failing_since TIMESTAMPTZ;
CREATE FUNCTION feed_failing_since() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.error_count = 0 THEN
        NEW.failing_since := NULL;
    ELSIF OLD.error_count = 0 OR OLD.failing_since IS NULL THEN
        NEW.failing_since := COALESCE(NEW.last_polled_at, now());
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER feed_failing_since BEFORE UPDATE OF error_count ON feed
    FOR EACH ROW EXECUTE FUNCTION feed_failing_since();
UPDATE feed SET failing_since = COALESCE(last_polled_at, now()) WHERE error_count > 0;

-- The outbox: one row per mail, written once (dedupe_key), claimed with FOR UPDATE SKIP LOCKED.
-- The recipient's address is read when the mail is sent (an unsubscribed recipient gets nothing);
-- the unsubscribe token of the mail is stored only as its SHA-256 hash.
CREATE TABLE mail_outbox (
    id               BIGSERIAL PRIMARY KEY,
    kind             VARCHAR(16)  NOT NULL,
    dedupe_key       VARCHAR(200) NOT NULL,
    series_id        BIGINT       NOT NULL REFERENCES series (id) ON DELETE CASCADE,
    participant_id   BIGINT       REFERENCES participant (id) ON DELETE CASCADE,
    assignment_id    BIGINT       REFERENCES assignment (id) ON DELETE CASCADE,
    subject          VARCHAR(300) NOT NULL,
    body             TEXT         NOT NULL,
    state            VARCHAR(16)  NOT NULL DEFAULT 'QUEUED',
    attempts         INT          NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ  NOT NULL,
    leased_until     TIMESTAMPTZ,
    last_error       TEXT,
    unsubscribe_hash BYTEA,
    unsubscribed_at  TIMESTAMPTZ,
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    sent_at          TIMESTAMPTZ,
    CONSTRAINT mail_outbox_dedupe_key UNIQUE (dedupe_key),
    CONSTRAINT mail_outbox_kind CHECK (kind IN ('REMINDER', 'YOU_ARE_IN', 'HOST_DIGEST')),
    CONSTRAINT mail_outbox_state CHECK (state IN ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'CANCELLED')),
    CONSTRAINT mail_outbox_recipient CHECK ((kind = 'HOST_DIGEST') = (participant_id IS NULL)),
    CONSTRAINT mail_outbox_attempts_nonnegative CHECK (attempts >= 0),
    CONSTRAINT mail_outbox_sending_leased CHECK (state <> 'SENDING' OR leased_until IS NOT NULL),
    CONSTRAINT mail_outbox_unsubscribe_hash_length CHECK (octet_length(unsubscribe_hash) = 32)
);
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE state IN ('QUEUED', 'SENDING');
CREATE UNIQUE INDEX mail_outbox_unsubscribe_idx ON mail_outbox (unsubscribe_hash);
CREATE INDEX mail_outbox_participant_idx ON mail_outbox (participant_id);
CREATE INDEX mail_outbox_assignment_idx ON mail_outbox (assignment_id);
CREATE INDEX mail_outbox_series_idx ON mail_outbox (series_id);

-- Which failure episode of which participant's feed a host digest has reported: once per episode.
CREATE TABLE mail_digest_item (
    participant_id BIGINT      NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
    failing_since  TIMESTAMPTZ NOT NULL,
    outbox_id      BIGINT      NOT NULL REFERENCES mail_outbox (id) ON DELETE CASCADE,
    PRIMARY KEY (participant_id, failing_since)
);
CREATE INDEX mail_digest_item_outbox_idx ON mail_digest_item (outbox_id);
