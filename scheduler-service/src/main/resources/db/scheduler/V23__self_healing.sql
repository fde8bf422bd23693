-- Self-healing: a (job, logical date) that failed, or whose data a check found incomplete, is retried with a
-- growing back-off until it succeeds. The row is the memory of that promise: it outlives the process, so a restart
-- or a new leader keeps retrying where the old one stopped, and it stays readable while the date keeps failing.
CREATE TABLE ops.job_heals (
    job_name         text         NOT NULL,
    logical_date     date         NOT NULL,
    status           text         NOT NULL CHECK (status IN ('pending', 'healed')),
    -- 'failed' (the run failed) or the data-quality check whose finding asked for the repair.
    reason           text         NOT NULL,
    failures         integer      NOT NULL DEFAULT 0,
    -- Sites whose tasks failed in the last failed run: the retry waits while one of their circuits is open.
    blocked_on       text[]       NOT NULL DEFAULT '{}',
    next_attempt_at  timestamptz  NOT NULL,
    last_error       text,
    created_at       timestamptz  NOT NULL,
    updated_at       timestamptz  NOT NULL,
    healed_at        timestamptz,
    PRIMARY KEY (job_name, logical_date)
);
CREATE INDEX job_heals_due_idx ON ops.job_heals (next_attempt_at) WHERE status = 'pending';

-- Runs started by the healing carry their own trigger, so the history says why a date ran again.
ALTER TABLE ops.job_runs DROP CONSTRAINT IF EXISTS job_runs_trigger_check;
ALTER TABLE ops.job_runs ADD CONSTRAINT job_runs_trigger_check
    CHECK (trigger IN ('schedule', 'catch-up', 'manual', 'dependency', 'backfill', 'heal'));

-- A first start fills history newest day first (today's market visible at once); old requests keep oldest first.
ALTER TABLE ops.job_backfills ADD COLUMN newest_first boolean NOT NULL DEFAULT false;
