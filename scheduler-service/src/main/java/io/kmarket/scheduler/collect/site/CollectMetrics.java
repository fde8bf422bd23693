package io.kmarket.scheduler.collect.site;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.scheduler.collect.TaskStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** The collection engine's Micrometer meters, all tagged by site. */
@ApplicationScoped
public class CollectMetrics {

    private final MeterRegistry registry;

    CollectMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void request(String site, String outcome, long nanos) {
        Counter.builder("kmarket.collect.requests").tag("site", site).tag("outcome", outcome)
                .description("HTTP requests to a source by outcome").register(registry).increment();
        Timer.builder("kmarket.collect.request.latency").tag("site", site).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5)).maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    void rateLimitWait(String site, long nanos) {
        Timer.builder("kmarket.collect.ratelimit.wait").tag("site", site)
                .description("Time spent waiting for a token of the site's rate limit")
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    public void recordsStored(String site, String dataset, long records) {
        Counter.builder("kmarket.collect.records").tag("site", site).tag("dataset", dataset)
                .register(registry).increment(records);
    }

    public void task(String site, TaskStatus status) {
        Counter.builder("kmarket.collect.tasks").tag("site", site).tag("status", status.value())
                .register(registry).increment();
    }

    /** Gauges read the site's current runtime through {@code source}, so they survive runtime rebuilds. */
    <T> void siteGauges(String site, T source, ToDoubleFunction<T> circuitState, ToDoubleFunction<T> rate) {
        Gauge.builder("kmarket.collect.circuit.state", source, circuitState).tag("site", site)
                .description("0 closed, 1 half-open, 2 open").register(registry);
        Gauge.builder("kmarket.collect.rate.per.minute", source, rate).tag("site", site)
                .description("The site's current (adaptive) request rate").register(registry);
    }
}
