package io.kmarket.scheduler.collect.fetch.krx;

import io.kmarket.scheduler.collect.fetch.Fetcher;

/** The part every KRX dataset shares: the site and its access method. */
abstract class KrxFetcher implements Fetcher {

    protected final KrxClient krx;

    KrxFetcher(KrxClient krx) {
        this.krx = krx;
    }

    @Override
    public String site() {
        return "KRX";
    }

    @Override
    public String accessMethod() {
        return KrxClient.ACCESS_METHOD;
    }
}
