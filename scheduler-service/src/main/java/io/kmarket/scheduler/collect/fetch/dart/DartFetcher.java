package io.kmarket.scheduler.collect.fetch.dart;

import io.kmarket.scheduler.collect.Dataset;
import io.kmarket.scheduler.collect.fetch.SiteFetcher;

/** The part every OpenDART dataset shares: the site, its access method and the keyed client. */
abstract class DartFetcher extends SiteFetcher {

    protected final DartClient dart;

    DartFetcher(DartClient dart, Dataset dataset) {
        super("DART", dataset, DartClient.ACCESS_METHOD);
        this.dart = dart;
    }
}
