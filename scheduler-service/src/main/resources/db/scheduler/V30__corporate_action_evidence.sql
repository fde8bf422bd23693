-- What kmarket collects to derive corporate actions from. Additive only: earlier readers and writers keep working.

-- KRX's reference price (기준가) of the day: close minus CMPPREVDD_PRC. On an ordinary day it is the previous
-- close; on an ex-date (split, 감자 re-listing, 권리락, 배당락 of a stock dividend) the exchange sets it from the
-- event, and that step is the evidence of a price-adjusting action. NULL on rows collected before this column
-- existed (a re-collection of the day fills it).
ALTER TABLE market.daily_prices ADD COLUMN base_price bigint CHECK (base_price >= 0);
COMMENT ON COLUMN market.daily_prices.base_price IS
    'KRX reference price of the day (close - CMPPREVDD_PRC); differs from the previous close only on an ex-date';

-- KRX 배당종목 현황 (MDCSTAT20901): one row per issue and fiscal year, as KRX lists it once the annual report is
-- out. cash_per_share is CMSTK_DPS (KRW), stock_per_share PERSHR_DIV_CMSTK_SHRS (new shares per share); NULL
-- where KRX shows "-".
CREATE TABLE market.dividends (
    code            varchar(6)   NOT NULL CHECK (code ~ '^[0-9A-Z]{6}$'),
    fiscal_year     smallint     NOT NULL CHECK (fiscal_year BETWEEN 1950 AND 2100),
    fiscal_month    smallint     NOT NULL CHECK (fiscal_month BETWEEN 1 AND 12),
    cash_per_share  numeric(14, 2) CHECK (cash_per_share >= 0),
    stock_per_share numeric(14, 8) CHECK (stock_per_share >= 0),
    dividend_yield  numeric(8, 2),
    payout_ratio    numeric(10, 2),
    dividend_total  numeric(22),
    par_value       bigint,
    listed_shares   bigint,
    source          varchar(16)  NOT NULL,
    collected_at    timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (code, fiscal_year)
);

-- KRX 기업 주요 변동사항 (MDCHARD04801) rows that change the par value (액면가): what tells a share consolidation
-- (액면병합, par up) from a capital reduction (감자, par unchanged). par NULL = 무액면 (no-par).
CREATE TABLE market.par_value_changes (
    code            varchar(6)   NOT NULL CHECK (code ~ '^[0-9A-Z]{6}$'),
    change_date     date         NOT NULL,
    par_before      bigint,
    par_after       bigint,
    source          varchar(16)  NOT NULL,
    collected_at    timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (code, change_date)
);

-- The stocks whose change history (MDCHARD04801) was asked for, and when: a stock with no par change row may
-- simply never have been asked.
CREATE TABLE market.par_value_history_checks (
    code            varchar(6)   PRIMARY KEY CHECK (code ~ '^[0-9A-Z]{6}$'),
    checked_at      timestamptz  NOT NULL,
    changes         integer      NOT NULL CHECK (changes >= 0)
);
