-- Jobs framework: who runs a run, when it was due, and the scheduler's persisted per-job state.

ALTER TABLE ops.job_runs ADD COLUMN scheduled_for      timestamptz;
ALTER TABLE ops.job_runs ADD COLUMN instance_id        text;
ALTER TABLE ops.job_runs ADD COLUMN heartbeat_at       timestamptz;
ALTER TABLE ops.job_runs ADD COLUMN records_per_second double precision;
CREATE INDEX job_runs_status_idx ON ops.job_runs (status, started_at DESC);

-- Paused flag and the last fire time the scheduler accounted for: both must survive a restart, the second so that
-- missed fire times after downtime can be caught up.
CREATE TABLE ops.job_state (
    job_name       text         PRIMARY KEY,
    paused         boolean      NOT NULL DEFAULT false,
    last_fire_at   timestamptz,
    updated_at     timestamptz  NOT NULL DEFAULT now()
);

-- One notification per distinct failure: the key makes a repeated identical failure a no-op insert.
CREATE TABLE ops.job_notifications (
    job_name       text         NOT NULL,
    logical_date   date         NOT NULL,
    status         text         NOT NULL,
    error_digest   text         NOT NULL,
    sent_at        timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (job_name, logical_date, status, error_digest)
);

-- A backfill request outlives the process that accepted it: the next leader resumes it.
CREATE TABLE ops.job_backfills (
    id              bigserial    PRIMARY KEY,
    job_name        text         NOT NULL,
    from_date       date         NOT NULL,
    to_date         date         NOT NULL CHECK (to_date >= from_date),
    with_dependents boolean      NOT NULL DEFAULT false,
    status          text         NOT NULL CHECK (status IN ('pending', 'running', 'done', 'failed')),
    dates_total     integer      NOT NULL DEFAULT 0,
    dates_done      integer      NOT NULL DEFAULT 0,
    requested_at    timestamptz  NOT NULL DEFAULT now(),
    finished_at     timestamptz,
    error           text
);
CREATE INDEX job_backfills_status_idx ON ops.job_backfills (status, id);

-- Findings of the data-quality job, one row per (date, check, subject): re-checking a date replaces its findings.
CREATE TABLE ops.data_quality_issues (
    trade_date     date         NOT NULL,
    check_name     text         NOT NULL,
    subject        text         NOT NULL,
    detail         text         NOT NULL,
    found_at       timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (trade_date, check_name, subject)
);
