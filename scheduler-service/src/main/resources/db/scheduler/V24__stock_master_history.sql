-- Point-in-time master data. KRX answers every day's market with the names, market and ISIN of that day, and the
-- listings with today's: storing whichever answer came last would let an old day (a backfill, newest-first) bring
-- back a name the company dropped years ago. Each observation is therefore dated, the current row of market.stocks
-- follows only the newest one, and every identity a code had is kept with the days it was seen.
-- Additive only: readers of market.stocks see the same columns they had, plus one.

-- The day KRX described the current name/market/ISIN; an older observation never replaces them.
ALTER TABLE market.stocks ADD COLUMN master_observed_on date;
-- Rows written before this migration carry no date: the day they were last written is the best there is, and it
-- keeps an old day collected after the upgrade from overwriting them (the next listings run brings today's).
UPDATE market.stocks SET master_observed_on = (updated_at AT TIME ZONE 'Asia/Seoul')::date;

-- One row per run of days on which a code was seen with the same name, market and ISIN. valid_from and valid_to
-- are the first and last day seen (inclusive); between two runs nobody looked, and the earlier run stands until
-- the later was first seen. Runs of one code never overlap (market.observe_stock_master keeps it so, under a
-- per-code lock), so (code, valid_from) is the natural key.
CREATE TABLE market.stock_master_history (
    code         varchar(6)   NOT NULL,
    valid_from   date         NOT NULL,
    valid_to     date         NOT NULL,
    name_ko      text         NOT NULL,
    market       varchar(3)   NOT NULL CHECK (market IN ('STK', 'KSQ', 'KNX')),
    isin         varchar(12),
    source       varchar(16)  NOT NULL,
    observed_at  timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (code, valid_from),
    CHECK (valid_from <= valid_to)
);
CREATE INDEX stock_master_history_code_to_idx ON market.stock_master_history (code, valid_to);

-- Adds one observation: the code was called p_name, on p_market with p_isin, on day p_day. The result depends only
-- on the set of observations, never on their order, for any code whose identity changes without coming back:
-- a day inside a run with the same identity changes nothing, a day next to one extends it (across days not yet
-- seen), a day between two equal runs joins them, and a day inside a run of another identity splits it.
-- A procedure, so a writer can CALL it in a JDBC batch (a batch may not return rows).
CREATE PROCEDURE market.observe_stock_master(p_code text, p_day date, p_name text, p_market text, p_isin text,
        p_source text) LANGUAGE plpgsql AS $$
DECLARE
    covering market.stock_master_history%ROWTYPE;
    before   market.stock_master_history%ROWTYPE;
    after    market.stock_master_history%ROWTYPE;
    joins_before boolean;
    joins_after  boolean;
BEGIN
    -- Two tasks (two days of a backfill) may observe the same code at once; they take the lock in code order.
    PERFORM pg_advisory_xact_lock(hashtext('market.stock_master_history'), hashtext(p_code));
    SELECT * INTO covering FROM market.stock_master_history
     WHERE code = p_code AND valid_from <= p_day AND valid_to >= p_day;
    IF FOUND THEN
        IF covering.name_ko = p_name AND covering.market = p_market
                AND covering.isin IS NOT DISTINCT FROM p_isin THEN
            RETURN;
        END IF;
        DELETE FROM market.stock_master_history WHERE code = p_code AND valid_from = covering.valid_from;
        IF covering.valid_from < p_day THEN
            INSERT INTO market.stock_master_history (code, valid_from, valid_to, name_ko, market, isin, source)
            VALUES (p_code, covering.valid_from, p_day - 1, covering.name_ko, covering.market, covering.isin,
                    covering.source);
        END IF;
        IF covering.valid_to > p_day THEN
            INSERT INTO market.stock_master_history (code, valid_from, valid_to, name_ko, market, isin, source)
            VALUES (p_code, p_day + 1, covering.valid_to, covering.name_ko, covering.market, covering.isin,
                    covering.source);
        END IF;
    END IF;
    SELECT * INTO before FROM market.stock_master_history
     WHERE code = p_code AND valid_to < p_day ORDER BY valid_to DESC LIMIT 1;
    joins_before := FOUND AND before.name_ko = p_name AND before.market = p_market
            AND before.isin IS NOT DISTINCT FROM p_isin;
    SELECT * INTO after FROM market.stock_master_history
     WHERE code = p_code AND valid_from > p_day ORDER BY valid_from LIMIT 1;
    joins_after := FOUND AND after.name_ko = p_name AND after.market = p_market
            AND after.isin IS NOT DISTINCT FROM p_isin;
    IF joins_before AND joins_after THEN
        DELETE FROM market.stock_master_history WHERE code = p_code AND valid_from = after.valid_from;
        UPDATE market.stock_master_history SET valid_to = after.valid_to, observed_at = now()
         WHERE code = p_code AND valid_from = before.valid_from;
    ELSIF joins_before THEN
        UPDATE market.stock_master_history SET valid_to = p_day, observed_at = now()
         WHERE code = p_code AND valid_from = before.valid_from;
    ELSIF joins_after THEN
        UPDATE market.stock_master_history SET valid_from = p_day, observed_at = now()
         WHERE code = p_code AND valid_from = after.valid_from;
    ELSE
        INSERT INTO market.stock_master_history (code, valid_from, valid_to, name_ko, market, isin, source)
        VALUES (p_code, p_day, p_day, p_name, p_market, p_isin, p_source);
    END IF;
END $$;

-- The API answers "what was this code called on day X" from here; it only ever reads.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kmarket_api') THEN
        GRANT SELECT ON market.stock_master_history TO kmarket_api;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kmarket_ml') THEN
        GRANT SELECT ON market.stock_master_history TO kmarket_ml;
    END IF;
END $$;
