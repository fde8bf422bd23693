package io.kmarket.scheduler.collect.fetch.dart;

import io.kmarket.scheduler.collect.fetch.Fetcher;

/** The part every OpenDART dataset shares: the site, its access method and the keyed client. */
abstract class DartFetcher implements Fetcher {

    protected final DartClient dart;

    DartFetcher(DartClient dart) {
        this.dart = dart;
    }

    @Override
    public String site() {
        return "DART";
    }

    @Override
    public String accessMethod() {
        return DartClient.ACCESS_METHOD;
    }
}
