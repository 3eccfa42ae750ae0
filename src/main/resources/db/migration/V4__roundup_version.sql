-- Round-up reads (issue 5): every change that can alter an assignment's round-up bumps its
-- roundup_version, so any instance can serve a cached round-up after one indexed lookup.

ALTER TABLE assignment ADD COLUMN roundup_version BIGINT NOT NULL DEFAULT 0;

-- The assignment's own fields: any update that is not already a bump is one.
CREATE FUNCTION assignment_bump_own_version() RETURNS trigger AS $$
BEGIN
    IF NEW.roundup_version = OLD.roundup_version THEN
        NEW.roundup_version := OLD.roundup_version + 1;
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER assignment_version BEFORE UPDATE ON assignment
    FOR EACH ROW EXECUTE FUNCTION assignment_bump_own_version();

-- Rows that belong to one assignment: responses, questions, aliases.
CREATE FUNCTION bump_roundup_of_row() RETURNS trigger AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        UPDATE assignment SET roundup_version = roundup_version + 1 WHERE id = OLD.assignment_id;
    END IF;
    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.assignment_id <> OLD.assignment_id) THEN
        UPDATE assignment SET roundup_version = roundup_version + 1 WHERE id = NEW.assignment_id;
    END IF;
    RETURN NULL;
END $$ LANGUAGE plpgsql;
-- Deferred to commit: the assignment row is then locked only while the transaction commits, so
-- feeds polled in parallel that add responses to one assignment do not queue behind each other.
CREATE CONSTRAINT TRIGGER response_roundup AFTER INSERT OR UPDATE OR DELETE ON response
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_roundup_of_row();
CREATE TRIGGER question_roundup AFTER INSERT OR UPDATE OR DELETE ON assignment_question
    FOR EACH ROW EXECUTE FUNCTION bump_roundup_of_row();
CREATE TRIGGER alias_roundup AFTER INSERT OR UPDATE OR DELETE ON assignment_alias
    FOR EACH ROW EXECUTE FUNCTION bump_roundup_of_row();

-- A post or participant shown in round-ups: the assignments it answers.
CREATE FUNCTION bump_roundups_of_post() RETURNS trigger AS $$
BEGIN
    UPDATE assignment SET roundup_version = roundup_version + 1
    WHERE id IN (SELECT assignment_id FROM response WHERE post_id = NEW.id);
    RETURN NULL;
END $$ LANGUAGE plpgsql;
CREATE CONSTRAINT TRIGGER post_roundup AFTER UPDATE OF title, url, text, published_at ON post
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_roundups_of_post();

CREATE FUNCTION bump_roundups_of_participant() RETURNS trigger AS $$
BEGIN
    UPDATE assignment SET roundup_version = roundup_version + 1
    WHERE id IN (SELECT assignment_id FROM response WHERE participant_id = NEW.id);
    RETURN NULL;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER participant_roundup AFTER UPDATE OF name, blog_url ON participant
    FOR EACH ROW EXECUTE FUNCTION bump_roundups_of_participant();

-- Used by the participant trigger above and by the cascade when a participant leaves.
CREATE INDEX response_participant_idx ON response (participant_id);
