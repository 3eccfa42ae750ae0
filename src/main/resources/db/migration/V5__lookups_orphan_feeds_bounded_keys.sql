-- Issue 8, item 6: indexes for two lookups, fewer round-up bumps, no orphan feeds, bounded post keys.

-- Add-by-URL looks a post up by its URL among a series' feeds. A hash index stores only a hash of
-- the value: url may be 4096 characters, and a btree entry over ~2.7 kB would fail the insert.
CREATE INDEX post_url_idx ON post USING hash (url);

-- The series Atom feed (Roundups.NEWEST_OF_SERIES) reads the newest responses of each of the
-- series' assignments in index order; the index on matched_at alone (V3) served the old query only.
CREATE INDEX response_assignment_matched_idx ON response (assignment_id, matched_at DESC, id DESC);
DROP INDEX response_matched_at_idx;

-- Hibernate writes every column of an edited post (page links, content hash ...): bump the
-- round-ups only when a column they show has really changed.
DROP TRIGGER post_roundup ON post;
CREATE CONSTRAINT TRIGGER post_roundup AFTER UPDATE OF title, url, text, published_at ON post
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.url IS DISTINCT FROM NEW.url
          OR OLD.text IS DISTINCT FROM NEW.text OR OLD.published_at IS DISTINCT FROM NEW.published_at)
    EXECUTE FUNCTION bump_roundups_of_post();

-- A feed that no participant follows any more is deleted, its posts with it, instead of staying
-- due forever. No response is lost: the code keeps a response's post in its participant's feed, so
-- once the feed has no participant, no response refers to its posts. A poll in flight for it fails
-- to record (its posts' foreign key) and is logged; nothing else of its cycle rolls back.
CREATE FUNCTION delete_orphan_feed() RETURNS trigger AS $$
BEGIN
    -- A registration adding a participant to this feed holds the row (its foreign key locks it):
    -- wait for it, then look again, with a new snapshot that sees its participant. (A poll recording
    -- this feed holds the row too; should it then wait for the leaving participant's row, PostgreSQL
    -- ends that deadlock by failing one of the two.)
    PERFORM 1 FROM feed WHERE id = OLD.feed_id FOR UPDATE;
    DELETE FROM feed f WHERE f.id = OLD.feed_id AND NOT EXISTS (SELECT 1 FROM participant p WHERE p.feed_id = f.id);
    RETURN NULL;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER participant_orphan_feed AFTER DELETE ON participant
    FOR EACH ROW EXECUTE FUNCTION delete_orphan_feed();

DELETE FROM feed f WHERE NOT EXISTS (SELECT 1 FROM participant p WHERE p.feed_id = f.id);

-- Post identity keys bounded in bytes, as PostStore.key now makes them: a guid over 1000 bytes of
-- UTF-8 becomes 'sha256:' and the hex of its hash, so no (feed_id, guid) entry exceeds the btree
-- limit. A feed that already has a post under that literal key keeps its old one: the migration
-- must not fail on what a feed author wrote.
UPDATE post p SET guid = k.key
FROM (SELECT id, 'sha256:' || encode(sha256(convert_to(guid, 'UTF8')), 'hex') AS key
      FROM post WHERE octet_length(convert_to(guid, 'UTF8')) > 1000) k
WHERE p.id = k.id
  AND NOT EXISTS (SELECT 1 FROM post q WHERE q.feed_id = p.feed_id AND q.guid = k.key);
