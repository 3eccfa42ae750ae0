-- Publishing a round-up (issue 11): the moment the host (or, when the series asks for it, the end
-- of the grace period) declares the round-up final. Participants are told they are in from then on
-- (Webmentions, "you are in" mails); a null value means not published yet.
ALTER TABLE assignment ADD COLUMN roundup_published_at TIMESTAMPTZ;
-- Publish every round-up of the series by itself when its grace period ends.
ALTER TABLE series ADD COLUMN auto_publish BOOLEAN NOT NULL DEFAULT false;
