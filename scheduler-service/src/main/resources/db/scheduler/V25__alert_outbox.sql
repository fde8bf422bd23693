-- Operator alerts as an outbox. A row is written when something needs telling and posted by the dispatcher,
-- retried with back-off until the webhook takes it, so neither a failed POST nor a restart loses an alert.
-- alert_key is the stable cause (see docs/reliability.md): one open alert per cause, so an identical failure
-- repeating every minute is posted once; a recovery resolves it, and the same failure after that alerts again.
CREATE TABLE ops.alert_outbox (
    id              bigserial    PRIMARY KEY,
    alert_key       text         NOT NULL,
    job_name        text,
    logical_date    date,
    text            text         NOT NULL,
    -- logged: no webhook was configured, the alert went to the log only (it still deduplicates).
    state           text         NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'logged')),
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL,
    last_error      text,
    created_at      timestamptz  NOT NULL,
    sent_at         timestamptz,
    resolved_at     timestamptz
);
CREATE UNIQUE INDEX alert_outbox_open_key ON ops.alert_outbox (alert_key) WHERE resolved_at IS NULL;
CREATE INDEX alert_outbox_due_idx ON ops.alert_outbox (next_attempt_at) WHERE state = 'pending';
CREATE INDEX alert_outbox_job_idx ON ops.alert_outbox (job_name, logical_date) WHERE resolved_at IS NULL;

-- The data-quality findings already alerted, so only new ones are; a finding that disappears (healed) is
-- forgotten here and alerts again if it comes back.
CREATE TABLE ops.alerted_findings (
    trade_date     date         NOT NULL,
    check_name     text         NOT NULL,
    subject        text         NOT NULL,
    alerted_at     timestamptz  NOT NULL,
    PRIMARY KEY (trade_date, check_name, subject)
);
-- Findings from before alerts existed are not news: only those found from now on alert.
INSERT INTO ops.alerted_findings (trade_date, check_name, subject, alerted_at)
SELECT trade_date, check_name, subject, now() FROM ops.data_quality_issues;
