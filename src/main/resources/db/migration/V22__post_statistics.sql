-- Issue 12, item 4: no statistics for the post columns no query filters, joins or sorts on. Autoanalyze runs during
-- a first poll cycle (100,000 new posts) and sorted samples of 1.4 kB texts and of link arrays for nothing:
-- ANALYZE post on a bench database of 205,000 posts took 764 ms, 381 ms without these columns (psql, second runs).
-- Matching reads them in the service, never in SQL.
ALTER TABLE post
    ALTER COLUMN text SET STATISTICS 0,
    ALTER COLUMN links SET STATISTICS 0,
    ALTER COLUMN page_links SET STATISTICS 0,
    ALTER COLUMN categories SET STATISTICS 0,
    ALTER COLUMN title SET STATISTICS 0,
    ALTER COLUMN author SET STATISTICS 0,
    ALTER COLUMN content_hash SET STATISTICS 0;
