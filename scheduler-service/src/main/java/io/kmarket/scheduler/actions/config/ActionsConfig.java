package io.kmarket.scheduler.actions.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The corporate-actions job (prefix kmarket.actions, env KMARKET_ACTIONS_...). */
@ConfigMapping(prefix = "kmarket.actions")
public interface ActionsConfig {

    /**
     * At most this many stocks per scheduled run get their Naver chart fetched for the cross-check (one Naver
     * request each, for the actions whose Naver bars are missing): the rest wait for the next run, so a first
     * derivation over years of history cannot hold the job for an hour of Naver's rate limit.
     */
    @WithDefault("50")
    int naverChecksPerRun();

    /** Stocks whose actions, factors and version are written in one transaction. */
    @WithDefault("200")
    int writeBatchStocks();
}
