-- Rate limits per client (issue 13): one row per limit and client, holding the limit's "theoretical
-- arrival time" (GCRA). A request is admitted when pushing it forward by one interval keeps it within
-- one period of now; all instances update the same row, so they agree. Rows whose time has passed
-- are as good as absent (a full allowance) and are deleted.
CREATE TABLE rate_limit (
    bucket TEXT PRIMARY KEY CHECK (length(bucket) <= 200),
    tat TIMESTAMPTZ NOT NULL
);

CREATE INDEX rate_limit_tat ON rate_limit (tat);
