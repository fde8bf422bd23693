package io.kmarket.scheduler.collect.fetch;

import io.kmarket.scheduler.collect.Dataset;

/** A fetcher's identity, fixed at construction: which site's dataset it fetches, and how. */
public abstract class SiteFetcher implements Fetcher {

    private final String site;
    private final Dataset dataset;
    private final String accessMethod;

    protected SiteFetcher(String site, Dataset dataset, String accessMethod) {
        this.site = site;
        this.dataset = dataset;
        this.accessMethod = accessMethod;
    }

    @Override
    public final String site() {
        return site;
    }

    @Override
    public final Dataset dataset() {
        return dataset;
    }

    @Override
    public final String accessMethod() {
        return accessMethod;
    }
}
