package io.kmarket.scheduler.collect.fetch;

import io.kmarket.scheduler.collect.Dataset;

/**
 * One source's dataset. The {@link FetcherRegistry} picks the implementation whose {@link #site()} and
 * {@link #dataset()} match the task and whose {@link #accessMethod()} is the one ops.site_config names for that
 * site, so a site switched to another access method is not fetched the old way.
 */
public interface Fetcher {

    String site();

    Dataset dataset();

    String accessMethod();

    /** Fetches and parses the task; malformed bodies throw {@link MalformedPayloadException}, never half-parse. */
    FetchResult fetch(FetchContext context) throws InterruptedException;
}
