-- Asynchronous work started over the internal API (indicator computes, training, predicting, evaluating).
-- Persisted so GET /internal/runs/{id} answers after a restart; a run left 'running' by a crash is failed at start.
CREATE TABLE analytics.runs (
    id             uuid         PRIMARY KEY,
    kind           text         NOT NULL,
    status         text         NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    parameters     jsonb        NOT NULL DEFAULT '{}'::jsonb,
    records        bigint       NOT NULL DEFAULT 0,
    started_at     timestamptz  NOT NULL DEFAULT now(),
    finished_at    timestamptz,
    error          text
);
CREATE INDEX runs_started_idx ON analytics.runs (started_at DESC);

-- Wilder's running averages behind rsi14: RSI alone cannot be rolled forward one day, these two can.
ALTER TABLE analytics.indicators ADD COLUMN rsi_avg_gain double precision;
ALTER TABLE analytics.indicators ADD COLUMN rsi_avg_loss double precision;
