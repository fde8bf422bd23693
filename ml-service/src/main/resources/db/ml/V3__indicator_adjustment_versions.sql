-- The market.adjustment_versions.version each stock's stored indicators (values and the recursive state the next
-- day rolls forward from) were computed under. A stock without a row was computed before it had any factors
-- (version 0 = none). When the scheduler's version of a stock differs, its factors changed, every stored row of it
-- is on the old prices, and the next indicators run recomputes it from its first day. Written in the transaction
-- that writes the recomputed rows.
CREATE TABLE analytics.indicator_adjustment_versions (
    code              varchar(6)   PRIMARY KEY,
    version           bigint       NOT NULL CHECK (version >= 0),
    recorded_at       timestamptz  NOT NULL DEFAULT now()
);
