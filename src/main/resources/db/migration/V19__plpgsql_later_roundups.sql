-- Issue 12, item 4: bump_later_roundups (V11) was a SQL function, which PostgreSQL parses and plans again at every
-- call. It runs once per statement that writes responses: in a first poll cycle of 2,000 feeds it took 0.83 ms of
-- each response insert, against 0.10 ms for its UPDATE itself (bench/run.sh first with BENCH_PG_STATEMENTS=1).
-- PL/pgSQL keeps the statement's plan for the session. Same statement, same effect.
CREATE OR REPLACE FUNCTION bump_later_roundups(changed_ids BIGINT[]) RETURNS void AS $$
BEGIN
    UPDATE assignment b SET earlier_version = b.earlier_version + 1
    WHERE EXISTS (SELECT 1 FROM assignment c
                  WHERE c.id = ANY (changed_ids) AND c.series_id = b.series_id AND c.id <> b.id
                    AND (c.opens_at, c.number) < (b.opens_at, b.number))
      AND EXISTS (SELECT 1 FROM response r WHERE r.assignment_id = b.id);
END $$ LANGUAGE plpgsql;
