package io.kmarket.scheduler.crosscheck.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The second source at work: KRX-vs-Naver cross-check and per-stock gap repair (prefix kmarket.crosscheck). */
@ConfigMapping(prefix = "kmarket.crosscheck")
public interface CrossCheckConfig {

    /**
     * At most this many stocks repaired per gap-repair run (one KRX MDCSTAT01701 request each, plus an ISIN look-up
     * for a stock without a stored ISIN): the rest wait for the next run, so a large finding cannot flood KRX.
     */
    @WithDefault("100")
    int repairMaxStocks();

    /** Gaps of one stock closer than this many calendar days are fetched as one range (one request, not two). */
    @WithDefault("10")
    int repairMergeDays();
}
