-- Round-up reads (issue 11): an assignment's first-timers are participants with no visible response
-- in an assignment opened before it, so its numbers change when the responses of an earlier
-- assignment change (added, removed, hidden, restored), or when an assignment moves or goes.
-- earlier_version is bumped then on the later assignments that have responses: the round-up cache
-- keys on (roundup_version, earlier_version) read from the assignment's own row instead of digesting
-- the earlier assignments on every request. Later assignments without responses (the planned ones,
-- usually) are left alone: their numbers depend on nothing earlier, and a commit that adds responses
-- to the open assignment would lock their rows otherwise. Statement-level triggers: a statement that
-- writes many responses (a re-match, an import) bumps each later assignment once.
ALTER TABLE assignment ADD COLUMN earlier_version BIGINT NOT NULL DEFAULT 0;

-- A bump of earlier_version alone is not a change of the assignment's own round-up.
CREATE OR REPLACE FUNCTION assignment_bump_own_version() RETURNS trigger AS $$
BEGIN
    IF NEW.roundup_version = OLD.roundup_version AND NEW.earlier_version = OLD.earlier_version THEN
        NEW.roundup_version := OLD.roundup_version + 1;
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;

-- The later assignments (with responses) of the given ones, each bumped once.
CREATE FUNCTION bump_later_roundups(changed_ids BIGINT[]) RETURNS void AS $$
    UPDATE assignment b SET earlier_version = b.earlier_version + 1
    WHERE EXISTS (SELECT 1 FROM assignment c
                  WHERE c.id = ANY (changed_ids) AND c.series_id = b.series_id AND c.id <> b.id
                    AND (c.opens_at, c.number) < (b.opens_at, b.number))
      AND EXISTS (SELECT 1 FROM response r WHERE r.assignment_id = b.id);
$$ LANGUAGE sql;

-- Responses added or removed, or whose assignment, participant or visibility changed.
CREATE FUNCTION responses_changed_later_roundups() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM bump_later_roundups(array_agg(DISTINCT n.assignment_id)) FROM new_rows n HAVING count(*) > 0;
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM bump_later_roundups(array_agg(DISTINCT o.assignment_id)) FROM old_rows o HAVING count(*) > 0;
    ELSE
        PERFORM bump_later_roundups(array_agg(DISTINCT x.assignment_id))
        FROM (SELECT o.assignment_id FROM old_rows o JOIN new_rows n ON n.id = o.id
              WHERE (o.assignment_id, o.participant_id, o.state) IS DISTINCT FROM (n.assignment_id, n.participant_id, n.state)
              UNION
              SELECT n.assignment_id FROM old_rows o JOIN new_rows n ON n.id = o.id
              WHERE (o.assignment_id, o.participant_id, o.state) IS DISTINCT FROM (n.assignment_id, n.participant_id, n.state)) x
        HAVING count(*) > 0;
    END IF;
    RETURN NULL;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER response_later_roundups_added AFTER INSERT ON response
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION responses_changed_later_roundups();
CREATE TRIGGER response_later_roundups_removed AFTER DELETE ON response
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION responses_changed_later_roundups();
CREATE TRIGGER response_later_roundups_changed AFTER UPDATE ON response
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION responses_changed_later_roundups();

-- An assignment moved (opened at another time, renumbered): the later ones of its old and new place.
-- The old place is gone from the table, so the later ones are found from both rows' positions here.
CREATE FUNCTION assignments_moved_later_roundups() RETURNS trigger AS $$
BEGIN
    -- Checked first: the UPDATE below fires this trigger again (a statement trigger fires for no rows too).
    IF NOT EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
                   WHERE (o.opens_at, o.number) IS DISTINCT FROM (n.opens_at, n.number)) THEN
        RETURN NULL;
    END IF;
    UPDATE assignment b SET earlier_version = b.earlier_version + 1
    WHERE EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
                  WHERE (o.opens_at, o.number) IS DISTINCT FROM (n.opens_at, n.number)
                    AND n.series_id = b.series_id AND n.id <> b.id
                    AND ((o.opens_at, o.number) < (b.opens_at, b.number) OR (n.opens_at, n.number) < (b.opens_at, b.number)))
      AND EXISTS (SELECT 1 FROM response r WHERE r.assignment_id = b.id);
    RETURN NULL;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER assignment_later_roundups_moved AFTER UPDATE ON assignment
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION assignments_moved_later_roundups();

-- An assignment deleted: the later ones of the place it had.
CREATE FUNCTION assignments_gone_later_roundups() RETURNS trigger AS $$
BEGIN
    UPDATE assignment b SET earlier_version = b.earlier_version + 1
    WHERE EXISTS (SELECT 1 FROM old_rows o
                  WHERE o.series_id = b.series_id AND o.id <> b.id AND (o.opens_at, o.number) < (b.opens_at, b.number))
      AND EXISTS (SELECT 1 FROM response r WHERE r.assignment_id = b.id);
    RETURN NULL;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER assignment_later_roundups_gone AFTER DELETE ON assignment
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION assignments_gone_later_roundups();

-- The later assignments of a series, found by the triggers above.
CREATE INDEX assignment_series_opens_idx ON assignment (series_id, opens_at, number);
