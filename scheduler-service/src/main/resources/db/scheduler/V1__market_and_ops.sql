-- market: what the market was. Natural keys everywhere, so every collector write is an idempotent upsert.
-- Schema changes must stay backward compatible (expand, then contract in a later release): api-service and
-- ml-service of the previous version keep reading these tables while services roll one by one.

CREATE TABLE market.stocks (
    code           varchar(6)   PRIMARY KEY CHECK (code ~ '^[0-9A-Z]{6}$'),
    isin           varchar(12)  UNIQUE,
    name_ko        text         NOT NULL,
    name_en        text,
    market         varchar(3)   NOT NULL CHECK (market IN ('STK', 'KSQ', 'KNX')),
    corp_code      varchar(8),
    listed_on      date,
    delisted_on    date,
    updated_at     timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX stocks_market_code_idx ON market.stocks (market, code);

CREATE TABLE market.daily_prices (
    code           varchar(6)   NOT NULL,
    trade_date     date         NOT NULL,
    open           bigint       NOT NULL CHECK (open >= 0),
    high           bigint       NOT NULL CHECK (high >= 0),
    low            bigint       NOT NULL CHECK (low >= 0),
    close          bigint       NOT NULL CHECK (close >= 0),
    volume         bigint       NOT NULL CHECK (volume >= 0),
    trading_value  numeric(22)  NOT NULL CHECK (trading_value >= 0),
    market_cap     numeric(22),
    shares_out     bigint,
    source         varchar(16)  NOT NULL,
    collected_at   timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (code, trade_date)
);
CREATE INDEX daily_prices_trade_date_idx ON market.daily_prices (trade_date);

CREATE TABLE market.indices (
    code           varchar(4)   PRIMARY KEY,
    name_ko        text         NOT NULL,
    name_en        text,
    market         varchar(3)   NOT NULL,
    base_date      date,
    base_value     numeric(12, 2)
);

CREATE TABLE market.index_prices (
    index_code     varchar(4)   NOT NULL,
    trade_date     date         NOT NULL,
    open           numeric(12, 2) NOT NULL,
    high           numeric(12, 2) NOT NULL,
    low            numeric(12, 2) NOT NULL,
    close          numeric(12, 2) NOT NULL,
    volume         bigint       NOT NULL,
    trading_value  numeric(24)  NOT NULL,
    source         varchar(16)  NOT NULL,
    collected_at   timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (index_code, trade_date)
);

CREATE TABLE market.disclosures (
    rcept_no       varchar(14)  PRIMARY KEY,
    corp_code      varchar(8)   NOT NULL,
    corp_name      text         NOT NULL,
    corp_cls       varchar(1),
    stock_code     varchar(6),
    report_name    text         NOT NULL,
    filer_name     text,
    receipt_date   date         NOT NULL,
    remarks        text,
    collected_at   timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX disclosures_stock_date_idx ON market.disclosures (stock_code, receipt_date DESC, rcept_no DESC);
CREATE INDEX disclosures_date_idx ON market.disclosures (receipt_date DESC, rcept_no DESC);

CREATE TABLE market.trading_calendar (
    day            date         PRIMARY KEY,
    is_trading_day boolean      NOT NULL,
    note           text
);

-- ops: how collection went.

CREATE TABLE ops.sites (
    code           varchar(16)  PRIMARY KEY,
    tier           smallint     NOT NULL CHECK (tier BETWEEN 1 AND 4),
    name_ko        text         NOT NULL,
    name_en        text         NOT NULL,
    base_url       text         NOT NULL,
    category       text         NOT NULL,
    reliability    smallint     NOT NULL CHECK (reliability BETWEEN 1 AND 5),
    active         boolean      NOT NULL DEFAULT true,
    official       boolean      NOT NULL DEFAULT false,
    updated_at     timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE ops.site_config (
    site_code             varchar(16) PRIMARY KEY REFERENCES ops.sites (code),
    access_method         text        NOT NULL,
    rate_limit_per_minute integer     NOT NULL DEFAULT 60 CHECK (rate_limit_per_minute > 0),
    burst                 integer     NOT NULL DEFAULT 1 CHECK (burst > 0),
    max_concurrency       integer     NOT NULL DEFAULT 2 CHECK (max_concurrency > 0),
    timeout_ms            integer     NOT NULL DEFAULT 10000 CHECK (timeout_ms > 0),
    retry_preset          text        NOT NULL DEFAULT 'STANDARD' CHECK (retry_preset IN ('QUICK', 'STANDARD', 'PERSISTENT')),
    requires_keys         boolean     NOT NULL DEFAULT false,
    user_agent            text,
    health_check_url      text,
    updated_at            timestamptz NOT NULL DEFAULT now()
);

INSERT INTO ops.sites (code, tier, name_ko, name_en, base_url, category, reliability, official) VALUES
    ('KRX',   1, '한국거래소 정보데이터시스템', 'Korea Exchange Data System', 'http://data.krx.co.kr',            'exchange',    5, true),
    ('DART',  1, '금융감독원 전자공시시스템',   'OpenDART',                   'https://opendart.fss.or.kr',       'disclosure',  5, true),
    ('KIS',   2, '한국투자증권 오픈API',        'Korea Investment & Securities Open API', 'https://openapi.koreainvestment.com:9443', 'broker', 4, false),
    ('NAVER', 3, '네이버 금융',                 'Naver Finance',              'https://fchart.stock.naver.com',   'portal',      3, false),
    ('DAUM',  3, '다음 금융',                   'Daum Finance',               'https://finance.daum.net',         'portal',      3, false);

INSERT INTO ops.site_config (site_code, access_method, rate_limit_per_minute, burst, max_concurrency, timeout_ms, retry_preset, requires_keys, user_agent) VALUES
    ('KRX',   'HTTP_JSON_FORM', 60,  5, 2, 15000, 'STANDARD',   true,  'Mozilla/5.0 (kmarket)'),
    ('DART',  'HTTP_JSON',      600, 10, 4, 10000, 'PERSISTENT', true,  'kmarket'),
    ('KIS',   'HTTP_JSON_OAUTH', 1200, 20, 4, 10000, 'QUICK',    true,  'kmarket'),
    ('NAVER', 'HTTP_XML',       60,  5, 2, 10000, 'STANDARD',   false, 'Mozilla/5.0 (kmarket)'),
    ('DAUM',  'HTTP_JSON',      60,  5, 2, 10000, 'STANDARD',   false, 'Mozilla/5.0 (kmarket)');

CREATE TABLE ops.site_health_status (
    site_code            varchar(16) PRIMARY KEY REFERENCES ops.sites (code),
    status               text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'degraded', 'failed')),
    consecutive_failures integer     NOT NULL DEFAULT 0,
    last_success_at      timestamptz,
    last_failure_at      timestamptz,
    avg_response_ms      double precision,
    success_rate         double precision,
    updated_at           timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ops.fetch_execution_logs (
    id             bigserial    PRIMARY KEY,
    run_id         uuid,
    site_code      varchar(16)  NOT NULL,
    dataset        text         NOT NULL,
    task_key       text         NOT NULL,
    status         text         NOT NULL CHECK (status IN ('success', 'failed', 'timeout', 'skipped')),
    started_at     timestamptz  NOT NULL,
    duration_ms    bigint       NOT NULL,
    records        integer      NOT NULL DEFAULT 0,
    attempts       integer      NOT NULL DEFAULT 1,
    error_type     text,
    error_message  text
);
CREATE INDEX fetch_execution_logs_site_time_idx ON ops.fetch_execution_logs (site_code, started_at DESC);
CREATE INDEX fetch_execution_logs_run_idx ON ops.fetch_execution_logs (run_id);

CREATE TABLE ops.job_runs (
    id             bigserial    PRIMARY KEY,
    job_name       text         NOT NULL,
    logical_date   date,
    trigger        text         NOT NULL CHECK (trigger IN ('schedule', 'catch-up', 'manual', 'dependency', 'backfill')),
    status         text         NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'skipped', 'abandoned')),
    started_at     timestamptz  NOT NULL DEFAULT now(),
    ended_at       timestamptz,
    records        bigint       NOT NULL DEFAULT 0,
    attempts       integer      NOT NULL DEFAULT 1,
    progress_done  integer,
    progress_total integer,
    error          text
);
CREATE INDEX job_runs_job_date_idx ON ops.job_runs (job_name, logical_date DESC, started_at DESC);
-- At most one running run per job: the database, not the scheduler's memory, is the guard.
CREATE UNIQUE INDEX job_runs_one_running_idx ON ops.job_runs (job_name) WHERE status = 'running';

CREATE TABLE ops.raw_payloads (
    id             bigserial    PRIMARY KEY,
    site_code      varchar(16)  NOT NULL,
    dataset        text         NOT NULL,
    task_key       text         NOT NULL,
    fetched_at     timestamptz  NOT NULL DEFAULT now(),
    content_type   text,
    body           bytea        NOT NULL,
    expires_at     timestamptz  NOT NULL
);
CREATE INDEX raw_payloads_expiry_idx ON ops.raw_payloads (expires_at);
