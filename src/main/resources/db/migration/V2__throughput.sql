-- Throughput (issue 5).

-- Posts are inserted in batches: Hibernate takes ids 50 at a time from the sequence.
ALTER SEQUENCE post_id_seq INCREMENT BY 50;

-- Plain text of the content, extracted once when the post is stored: matching and excerpts read it
-- instead of parsing the HTML again on every poll and every round-up request.
ALTER TABLE post ADD COLUMN text TEXT NOT NULL DEFAULT '';

-- A 200 whose body is byte-for-byte the last one costs no parsing (servers without validators).
ALTER TABLE feed ADD COLUMN body_hash BYTEA;

-- Adaptive scheduling: typical time between two posts of the feed, learnt from its entries.
ALTER TABLE feed ADD COLUMN posting_interval_seconds BIGINT CHECK (posting_interval_seconds IS NULL OR posting_interval_seconds > 0);

