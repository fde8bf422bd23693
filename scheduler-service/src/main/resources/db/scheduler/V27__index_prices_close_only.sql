-- KRX publishes only the close of its oldest index days (KOSPI before 1995: "-" for open, high and low). Those
-- days are kept as close-only rows rather than rejected, so open/high/low become nullable. Additive: every row
-- stored so far has all three, and readers that select them keep working (they may now read NULL for old days).
ALTER TABLE market.index_prices ALTER COLUMN open DROP NOT NULL;
ALTER TABLE market.index_prices ALTER COLUMN high DROP NOT NULL;
ALTER TABLE market.index_prices ALTER COLUMN low DROP NOT NULL;

-- A close-only row has none of the three; a row with only some of them is a parsing error, not KRX data.
ALTER TABLE market.index_prices ADD CONSTRAINT index_prices_ohl_all_or_none
    CHECK ((open IS NULL) = (high IS NULL) AND (high IS NULL) = (low IS NULL));
