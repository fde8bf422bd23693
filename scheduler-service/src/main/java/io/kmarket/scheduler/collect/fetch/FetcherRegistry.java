package io.kmarket.scheduler.collect.fetch;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.scheduler.collect.Dataset;
import io.kmarket.scheduler.collect.site.SiteConfig;
import io.quarkus.arc.All;

/** Finds the fetcher for a task from the site's configuration: site code, dataset and access method. */
@ApplicationScoped
public class FetcherRegistry {

    private final List<Fetcher> fetchers;

    FetcherRegistry(@All List<Fetcher> fetchers) {
        this.fetchers = fetchers;
    }

    public Optional<Fetcher> find(SiteConfig site, Dataset dataset) {
        return fetchers.stream()
                .filter(f -> f.site().equals(site.code()) && f.dataset() == dataset
                        && f.accessMethod().equals(site.accessMethod()))
                .findFirst();
    }
}
