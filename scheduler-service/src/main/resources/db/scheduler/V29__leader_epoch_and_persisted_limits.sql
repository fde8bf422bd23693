-- The fencing token of scheduler leadership: one row per election lock, its epoch incremented by every instance
-- that takes the lock (in the lock's own session). Every write of a run or of collected data checks, in its own
-- transaction, that the epoch it was started under is still the current one, so a leader that froze past its
-- session timeout and woke up after a takeover writes nothing.
-- Additive: an old instance neither reads nor writes it.
CREATE TABLE ops.leader_epoch (
    lock_key    bigint      PRIMARY KEY,
    epoch       bigint      NOT NULL CHECK (epoch > 0),
    holder      text        NOT NULL,
    acquired_at timestamptz NOT NULL
);
COMMENT ON TABLE ops.leader_epoch IS
    'scheduler leadership per advisory lock key: the epoch (fencing token) and the instance that holds it';

-- Until when a site's circuit stays open: with current_rate_per_minute (the adaptive rate) what a new leader
-- adopts, so a takeover neither hits a blocked site again nor returns to the full rate after a 429.
ALTER TABLE ops.site_health_status ADD COLUMN circuit_open_until timestamptz;
COMMENT ON COLUMN ops.site_health_status.circuit_open_until IS
    'while in the future, the site is blocked (its circuit opened after repeated failures); null when closed';
