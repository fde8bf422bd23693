-- Corporate actions derived from collected data, their cross-checks, and the cumulative adjustment factors the
-- API and ml-service apply. Written only by the scheduler's corporate-actions job; read by api-service and
-- ml-service (default privileges grant the reads). Additive only.

-- One row per stock, ex-date and event. event 'reference_price' is a step of KRX's reference price (every
-- share-count action: split, reverse split, capital reduction, bonus issue, rights offering, stock dividend);
-- event 'cash_dividend' is a cash dividend (KRX does not adjust the reference price for it). action_type of a
-- reference-price event stays 'unclassified' until the evidence that classifies it (the listing of the new
-- shares, the par value history) is in; its price_factor is right from the ex-date on.
-- price_factor multiplies every price of the trading days before ex_date: reference_price / previous_close for a
-- reference-price event, (previous_close - cash_amount) / previous_close for a cash dividend.
-- withdrawn_at is set when the data no longer shows the action (a corrected price); the row is kept.
CREATE TABLE market.corporate_actions (
    code              varchar(6)   NOT NULL CHECK (code ~ '^[0-9A-Z]{6}$'),
    ex_date           date         NOT NULL,
    event             text         NOT NULL CHECK (event IN ('reference_price', 'cash_dividend')),
    action_type       text         NOT NULL CHECK (action_type IN ('split', 'reverse_split', 'capital_reduction',
                          'bonus_issue', 'rights_offering', 'stock_dividend', 'cash_dividend', 'unclassified')),
    shares_multiplier double precision CHECK (shares_multiplier > 0),
    cash_amount       numeric(14, 2) CHECK (cash_amount >= 0),
    issue_price       bigint       CHECK (issue_price > 0),
    previous_close    bigint       NOT NULL CHECK (previous_close > 0),
    reference_price   bigint       CHECK (reference_price > 0),
    price_factor      double precision NOT NULL CHECK (price_factor > 0),
    shares_before     bigint,
    shares_after      bigint,
    shares_changed_on date,
    evidence          jsonb        NOT NULL,
    source            text         NOT NULL,
    detected_at       timestamptz  NOT NULL,
    classified_at     timestamptz,
    updated_at        timestamptz  NOT NULL,
    withdrawn_at      timestamptz,
    PRIMARY KEY (code, ex_date, event),
    CHECK ((event = 'cash_dividend') = (action_type = 'cash_dividend'))
);
CREATE INDEX corporate_actions_ex_date_idx ON market.corporate_actions (ex_date);

-- What a second source says about an action: its implied price factor and whether it agrees with ours.
-- A disagreement is recorded, never resolved by changing the action.
CREATE TABLE market.corporate_action_checks (
    code              varchar(6)   NOT NULL,
    ex_date           date         NOT NULL,
    event             text         NOT NULL,
    source            text         NOT NULL,
    their_factor      double precision,
    our_factor        double precision NOT NULL,
    agrees            boolean      NOT NULL,
    detail            text         NOT NULL,
    checked_at        timestamptz  NOT NULL,
    PRIMARY KEY (code, ex_date, event, source),
    FOREIGN KEY (code, ex_date, event) REFERENCES market.corporate_actions (code, ex_date, event)
);

-- Cumulative factors, one step per ex-date of a stock's live (not withdrawn) actions: prices of the trading days
-- before ex_date and on or after the previous step's ex_date are multiplied by split_factor (share-count events
-- only) or total_factor (also cash dividends); volume is divided by split_factor; trading value is never adjusted.
-- Days on or after the last ex_date have factor 1. Rewritten per stock by the job in one transaction.
CREATE TABLE market.adjustment_factors (
    code              varchar(6)   NOT NULL CHECK (code ~ '^[0-9A-Z]{6}$'),
    ex_date           date         NOT NULL,
    split_factor      double precision NOT NULL CHECK (split_factor > 0),
    total_factor      double precision NOT NULL CHECK (total_factor > 0),
    PRIMARY KEY (code, ex_date)
);

-- Incremented whenever a stock's factors change: ml-service keeps the version its stored indicator state was
-- computed under and recomputes the stock from scratch when it moved.
CREATE TABLE market.adjustment_versions (
    code              varchar(6)   PRIMARY KEY CHECK (code ~ '^[0-9A-Z]{6}$'),
    version           bigint       NOT NULL CHECK (version > 0),
    changed_at        timestamptz  NOT NULL
);
