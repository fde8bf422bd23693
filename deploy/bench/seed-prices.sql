-- Benchmark data: 500 KOSPI-like stocks with five years of weekday prices (about 650k rows), so the query
-- under test reads one stock's year out of a realistically sized table. Idempotent.
INSERT INTO market.stocks (code, name_ko, name_en, market)
SELECT lpad((5930 + i * 10)::text, 6, '0'), '벤치종목' || i, 'Bench ' || i, 'STK'
  FROM generate_series(0, 499) AS i
ON CONFLICT (code) DO NOTHING;

INSERT INTO market.daily_prices (code, trade_date, open, high, low, close, volume, trading_value, market_cap, source)
SELECT s.code, d::date, 60000 + (extract(doy FROM d)::int * 37) % 5000, 61000, 59000,
       60000 + (extract(doy FROM d)::int * 41) % 5000, 1000000 + extract(doy FROM d)::int, 60000000000, 400000000000000,
       'BENCH'
  FROM market.stocks s
  CROSS JOIN generate_series(current_date - interval '5 years', current_date - interval '1 day', interval '1 day') AS d
 WHERE s.name_en LIKE 'Bench %' AND extract(isodow FROM d) < 6
ON CONFLICT (code, trade_date) DO NOTHING;

ANALYZE market.stocks;
ANALYZE market.daily_prices;
