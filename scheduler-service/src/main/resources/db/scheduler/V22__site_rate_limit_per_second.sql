-- Upstreams count calls per second as well as per minute (KIS 20/s, the sandbox's KRX 5/s); the limiter now
-- guarantees both windows, so a site may name its per-second limit. NULL keeps the old meaning: at most
-- max(burst, per-minute / 60) calls in any second. Additive: older readers ignore the column.
ALTER TABLE ops.site_config
    ADD COLUMN rate_limit_per_second integer CHECK (rate_limit_per_second > 0);

COMMENT ON COLUMN ops.site_config.rate_limit_per_second IS
    'Calls allowed in any second (sliding, so every fixed second of the upstream holds); NULL: max(burst, rate_limit_per_minute / 60)';

-- Defaults with headroom under every known limit (docs/operations.md, "Site rate limits"). Only rows still
-- holding the V1 seeds (or the local sandbox's former KRX 240/min) change: an operator's edit is kept.
UPDATE ops.site_config SET rate_limit_per_minute = 60, rate_limit_per_second = 2, burst = 2, updated_at = now()
 WHERE site_code = 'KRX' AND rate_limit_per_minute IN (60, 240) AND burst = 5;
UPDATE ops.site_config SET rate_limit_per_second = 10, updated_at = now()
 WHERE site_code = 'DART' AND rate_limit_per_minute = 600 AND burst = 10;
UPDATE ops.site_config SET rate_limit_per_minute = 900, rate_limit_per_second = 15, burst = 15, updated_at = now()
 WHERE site_code = 'KIS' AND rate_limit_per_minute = 1200 AND burst = 20;
UPDATE ops.site_config SET rate_limit_per_second = 2, burst = 2, updated_at = now()
 WHERE site_code IN ('NAVER', 'DAUM') AND rate_limit_per_minute = 60 AND burst = 5;
