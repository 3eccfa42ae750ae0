-- The entries of the body a feed's last parsing poll recorded, fingerprinted before mapping, with their
-- publication dates (null where unknown): the next poll maps only entries it does not find here.
ALTER TABLE feed
    ADD COLUMN entry_fingerprints BIGINT[],
    ADD COLUMN entry_published    TIMESTAMPTZ[],
    ADD CONSTRAINT feed_entry_prints_paired
        CHECK ((entry_fingerprints IS NULL) = (entry_published IS NULL)
               AND (entry_fingerprints IS NULL OR cardinality(entry_fingerprints) = cardinality(entry_published)));
