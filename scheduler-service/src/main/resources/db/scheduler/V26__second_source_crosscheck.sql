-- Second source at work: Naver's halted days stored as what they are, KRX-vs-Naver disagreements, per-stock gap
-- repairs. Additive only: earlier readers and writers keep working.

-- Naver sends a suspended day as 0|0|0|close|0. Those zeros are no prices: such a bar is stored with halted = true
-- and NULL open/high/low (the close is the standing price). Rows written before keep their values and halted = false.
ALTER TABLE market.source_daily_prices ADD COLUMN halted boolean NOT NULL DEFAULT false;
ALTER TABLE market.source_daily_prices ALTER COLUMN open DROP NOT NULL;
ALTER TABLE market.source_daily_prices ALTER COLUMN high DROP NOT NULL;
ALTER TABLE market.source_daily_prices ALTER COLUMN low DROP NOT NULL;
ALTER TABLE market.source_daily_prices ADD CONSTRAINT source_daily_prices_halted_has_no_range
    CHECK (halted = (open IS NULL AND high IS NULL AND low IS NULL));

-- One row per stock, trading date and field on which KRX (market.daily_prices) and Naver disagree, with both
-- values. adjustment_factor is the split ratio Naver's price of that date was multiplied by before comparing.
-- A disagreement no longer seen when the date is checked again is kept, with resolved_at set.
CREATE TABLE market.source_disagreements (
    trade_date        date         NOT NULL,
    code              varchar(6)   NOT NULL CHECK (code ~ '^[0-9A-Z]{6}$'),
    field             text         NOT NULL CHECK (field IN ('presence', 'open', 'high', 'low', 'close', 'volume')),
    krx_value         bigint,
    naver_value       bigint,
    adjustment_factor numeric(18, 6) NOT NULL DEFAULT 1,
    krx_source        text         NOT NULL,
    naver_source      text         NOT NULL,
    detected_at       timestamptz  NOT NULL,
    last_seen_at      timestamptz  NOT NULL,
    resolved_at       timestamptz,
    PRIMARY KEY (trade_date, code, field)
);
CREATE INDEX source_disagreements_open_idx ON market.source_disagreements (trade_date) WHERE resolved_at IS NULL;

-- What the per-stock gap repair did for each data-quality finding (missing-price / series-gap) it handled.
CREATE TABLE ops.price_gap_repairs (
    trade_date     date         NOT NULL,
    check_name     text         NOT NULL,
    code           varchar(6)   NOT NULL,
    range_from     date         NOT NULL,
    range_to       date         NOT NULL,
    status         text         NOT NULL CHECK (status IN ('repaired', 'not-served', 'failed')),
    attempts       integer      NOT NULL DEFAULT 1,
    run_id         uuid,
    attempted_at   timestamptz  NOT NULL,
    PRIMARY KEY (trade_date, check_name, code)
);
