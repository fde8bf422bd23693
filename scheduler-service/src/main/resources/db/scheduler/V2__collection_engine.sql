-- Collection engine: what the secondary sources said, what was rejected, and the state that must survive a
-- restart (watermarks, API key pools, OAuth tokens). Additive only: V1 readers keep working.

-- Second-source daily bars (Naver is split-adjusted, KIS has no trading value): kept apart from the KRX rows of
-- market.daily_prices so a second source never overwrites the exchange's own numbers, yet can be compared with them.
CREATE TABLE market.source_daily_prices (
    source         varchar(16)  NOT NULL,
    code           varchar(6)   NOT NULL CHECK (code ~ '^[0-9A-Z]{6}$'),
    trade_date     date         NOT NULL,
    open           bigint       NOT NULL CHECK (open >= 0),
    high           bigint       NOT NULL CHECK (high >= 0),
    low            bigint       NOT NULL CHECK (low >= 0),
    close          bigint       NOT NULL CHECK (close >= 0),
    volume         bigint       NOT NULL CHECK (volume >= 0),
    adjusted       boolean      NOT NULL,
    collected_at   timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (source, code, trade_date)
);

-- The latest quote per stock and source (Daum, KIS current price).
CREATE TABLE market.quotes (
    code           varchar(6)   NOT NULL CHECK (code ~ '^[0-9A-Z]{6}$'),
    source         varchar(16)  NOT NULL,
    price          numeric(18, 2) NOT NULL,
    open           numeric(18, 2),
    high           numeric(18, 2),
    low            numeric(18, 2),
    prev_close     numeric(18, 2),
    volume         bigint,
    trading_value  numeric(22),
    trade_date     date,
    collected_at   timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (code, source)
);

-- OpenDART company master data (company.json) and the corp_code directory (corpCode.xml).
CREATE TABLE market.companies (
    corp_code      varchar(8)   PRIMARY KEY CHECK (corp_code ~ '^[0-9]{8}$'),
    corp_name      text         NOT NULL,
    corp_name_eng  text,
    stock_code     varchar(6),
    corp_cls       varchar(1),
    ceo_name       text,
    homepage       text,
    industry_code  text,
    established_on date,
    fiscal_month   varchar(2),
    updated_at     timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE market.corp_codes (
    corp_code      varchar(8)   PRIMARY KEY CHECK (corp_code ~ '^[0-9]{8}$'),
    corp_name      text         NOT NULL,
    corp_name_eng  text,
    stock_code     varchar(6),
    modified_on    date,
    updated_at     timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX corp_codes_stock_code_idx ON market.corp_codes (stock_code) WHERE stock_code IS NOT NULL;

-- A malformed row is never stored; it is recorded here with the reason, so nothing is silently lost.
CREATE TABLE ops.rejected_records (
    id             bigserial    PRIMARY KEY,
    run_id         uuid,
    site_code      varchar(16)  NOT NULL,
    dataset        text         NOT NULL,
    task_key       text         NOT NULL,
    reason         text         NOT NULL,
    excerpt        text,
    rejected_at    timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX rejected_records_site_time_idx ON ops.rejected_records (site_code, rejected_at DESC);

-- Incremental collection: the last date fully collected per site, dataset and scope.
CREATE TABLE ops.collection_watermarks (
    site_code      varchar(16)  NOT NULL,
    dataset        text         NOT NULL,
    scope          text         NOT NULL DEFAULT '',
    watermark      date         NOT NULL,
    updated_at     timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (site_code, dataset, scope)
);

-- API key pools: keys themselves stay in the environment; only a fingerprint and the key's state are stored.
CREATE TABLE ops.api_keys (
    site_code             varchar(16) NOT NULL,
    fingerprint           varchar(16) NOT NULL,
    usage_day             date        NOT NULL,
    used_today            integer     NOT NULL DEFAULT 0,
    daily_quota           integer     NOT NULL,
    rested_until          timestamptz,
    consecutive_auth_failures integer NOT NULL DEFAULT 0,
    disabled              boolean     NOT NULL DEFAULT false,
    updated_at            timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (site_code, fingerprint)
);

-- OAuth tokens (KIS): reused across restarts while valid, since issuance is limited to one per minute.
CREATE TABLE ops.oauth_tokens (
    site_code      varchar(16)  NOT NULL,
    app_key_fingerprint varchar(16) NOT NULL,
    access_token   text,
    expires_at     timestamptz,
    issued_at      timestamptz,
    last_attempt_at timestamptz,
    PRIMARY KEY (site_code, app_key_fingerprint)
);

-- Rate-limit state visible next to the health figures.
ALTER TABLE ops.site_health_status ADD COLUMN current_rate_per_minute double precision;
ALTER TABLE ops.site_health_status ADD COLUMN circuit_state text;
ALTER TABLE ops.site_health_status ADD COLUMN last_error text;
ALTER TABLE ops.site_health_status ADD COLUMN total_tasks bigint NOT NULL DEFAULT 0;
