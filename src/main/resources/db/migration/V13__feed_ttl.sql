-- RSS <ttl> (issue 12, item 5): how many minutes the feed says it may be cached. It is in the body,
-- so it is learnt when a 200 is parsed and kept here for the polls that do not parse (304s, an
-- unchanged body); null when the feed gives none (or 0, or junk).
ALTER TABLE feed ADD COLUMN ttl_minutes INTEGER CHECK (ttl_minutes IS NULL OR ttl_minutes > 0);
