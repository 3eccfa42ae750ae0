-- A post's sanitized markup was written at every poll and read by nothing: the matcher, the excerpts and
-- every page work from its text and links. Sanitizing and serializing it was the costliest step of a
-- first poll (issue 12), so it is no longer made or kept.
ALTER TABLE post DROP COLUMN content;
