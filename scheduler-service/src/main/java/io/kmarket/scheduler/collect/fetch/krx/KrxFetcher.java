package io.kmarket.scheduler.collect.fetch.krx;

import io.kmarket.scheduler.collect.Dataset;
import io.kmarket.scheduler.collect.fetch.SiteFetcher;

/** The part every KRX dataset shares: the site, its access method and the logged-in client. */
abstract class KrxFetcher extends SiteFetcher {

    protected final KrxClient krx;

    KrxFetcher(KrxClient krx, Dataset dataset) {
        super("KRX", dataset, KrxClient.ACCESS_METHOD);
        this.krx = krx;
    }
}
