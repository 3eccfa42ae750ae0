-- Round-up reads (issue 11): an assignment's first-timers are participants with no visible response
-- in an assignment opened before it, so its numbers change when an earlier assignment changes.
-- earlier_version is bumped on the later assignments that have responses whenever an assignment
-- changes, moves or goes: the round-up cache keys on (roundup_version, earlier_version) read from
-- the assignment's own row instead of digesting the earlier assignments on every request. Later
-- assignments without responses (the planned ones, usually) are left alone: their numbers do not
-- depend on anything earlier, and every commit that adds a response to the open assignment would
-- lock their rows otherwise.
ALTER TABLE assignment ADD COLUMN earlier_version BIGINT NOT NULL DEFAULT 0;

-- A bump of earlier_version alone is not a change of the assignment's own round-up.
CREATE OR REPLACE FUNCTION assignment_bump_own_version() RETURNS trigger AS $$
BEGIN
    IF NEW.roundup_version = OLD.roundup_version AND NEW.earlier_version = OLD.earlier_version THEN
        NEW.roundup_version := OLD.roundup_version + 1;
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;

-- Per statement, from the transition tables: one query however many assignments changed. Only rows
-- whose own round-up changed count, so the trigger's own earlier_version update ends here.
CREATE FUNCTION bump_later_roundups(changed_series BIGINT[], changed_ids BIGINT[],
                                    changed_opens TIMESTAMPTZ[], changed_numbers INT[]) RETURNS void AS $$
    UPDATE assignment b SET earlier_version = b.earlier_version + 1
    WHERE EXISTS (SELECT 1 FROM unnest(changed_series, changed_ids, changed_opens, changed_numbers) AS c(series_id, id, opens_at, number)
                  WHERE c.series_id = b.series_id AND c.id <> b.id
                    AND (c.opens_at, c.number) < (b.opens_at, b.number))
      AND EXISTS (SELECT 1 FROM response r WHERE r.assignment_id = b.id);
$$ LANGUAGE sql;

-- The old and the new place both: an assignment moved after another one changes that one's earlier set as well.
CREATE FUNCTION assignment_changed_later_roundups() RETURNS trigger AS $$
BEGIN
    PERFORM bump_later_roundups(array_agg(x.series_id), array_agg(x.id), array_agg(x.opens_at), array_agg(x.number))
    FROM (SELECT o.series_id, o.id, o.opens_at, o.number FROM old_rows o JOIN new_rows n ON n.id = o.id
          WHERE n.roundup_version <> o.roundup_version
          UNION ALL
          SELECT n.series_id, n.id, n.opens_at, n.number FROM old_rows o JOIN new_rows n ON n.id = o.id
          WHERE n.roundup_version <> o.roundup_version) x
    HAVING count(*) > 0;
    RETURN NULL;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER assignment_later_roundups AFTER UPDATE ON assignment
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION assignment_changed_later_roundups();

CREATE FUNCTION assignment_gone_later_roundups() RETURNS trigger AS $$
BEGIN
    PERFORM bump_later_roundups(array_agg(o.series_id), array_agg(o.id), array_agg(o.opens_at), array_agg(o.number))
    FROM old_rows o HAVING count(*) > 0;
    RETURN NULL;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER assignment_later_roundups_gone AFTER DELETE ON assignment
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION assignment_gone_later_roundups();

-- The later assignments of a series, found by the triggers above.
CREATE INDEX assignment_series_opens_idx ON assignment (series_id, opens_at, number);
