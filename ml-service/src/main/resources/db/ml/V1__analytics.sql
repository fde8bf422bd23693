-- analytics: what kmarket derives from market data. Owned by ml-service; read by api-service.
-- Backward compatible changes only (expand, then contract in a later release).

CREATE TABLE analytics.indicators (
    code           varchar(6)   NOT NULL,
    trade_date     date         NOT NULL,
    sma5           double precision,
    sma20          double precision,
    sma50          double precision,
    sma60          double precision,
    sma120         double precision,
    sma200         double precision,
    ema12          double precision,
    ema26          double precision,
    rsi14          double precision,
    macd           double precision,
    macd_signal    double precision,
    macd_hist      double precision,
    bb_middle      double precision,
    bb_upper       double precision,
    bb_lower       double precision,
    volume_ratio   double precision,
    computed_at    timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (code, trade_date)
);
CREATE INDEX indicators_trade_date_idx ON analytics.indicators (trade_date);

CREATE TABLE analytics.model_versions (
    id             bigserial    PRIMARY KEY,
    name           text         NOT NULL,
    version        text         NOT NULL,
    algorithm      text         NOT NULL,
    train_from     date         NOT NULL,
    train_to       date         NOT NULL,
    features       jsonb        NOT NULL,
    parameters     jsonb        NOT NULL,
    metrics        jsonb        NOT NULL,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (name, version)
);

CREATE TABLE analytics.predictions (
    code           varchar(6)   NOT NULL,
    trade_date     date         NOT NULL,
    model_id       bigint       NOT NULL REFERENCES analytics.model_versions (id),
    target_date    date         NOT NULL,
    prob_up        double precision NOT NULL CHECK (prob_up BETWEEN 0 AND 1),
    predicted_up   boolean      NOT NULL,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (code, trade_date, model_id)
);
CREATE INDEX predictions_code_date_idx ON analytics.predictions (code, trade_date DESC);

CREATE TABLE analytics.prediction_evaluations (
    model_id       bigint       NOT NULL REFERENCES analytics.model_versions (id),
    eval_date      date         NOT NULL,
    window_days    integer      NOT NULL,
    strategy       text         NOT NULL,
    samples        integer      NOT NULL,
    accuracy       double precision,
    precision_up   double precision,
    recall_up      double precision,
    brier          double precision,
    computed_at    timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (model_id, eval_date, window_days, strategy)
);

CREATE TABLE analytics.reports (
    id             uuid         PRIMARY KEY,
    code           varchar(6)   NOT NULL,
    as_of          date,
    status         text         NOT NULL CHECK (status IN ('pending', 'running', 'done', 'failed')),
    requested_at   timestamptz  NOT NULL DEFAULT now(),
    started_at     timestamptz,
    finished_at    timestamptz,
    content        jsonb,
    html           text,
    error          text
);
-- The same pending request answers with the same id.
CREATE UNIQUE INDEX reports_one_pending_idx ON analytics.reports (code, coalesce(as_of, '0001-01-01'::date))
    WHERE status IN ('pending', 'running');
