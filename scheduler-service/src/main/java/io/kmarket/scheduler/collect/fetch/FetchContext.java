package io.kmarket.scheduler.collect.fetch;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

import io.kmarket.scheduler.collect.CollectionTask;
import io.kmarket.scheduler.collect.site.SiteRuntime;

/** What a fetcher gets for one task: the task and the site's guarded HTTP access. */
public final class FetchContext {

    private final CollectionTask task;
    private final SiteRuntime site;
    private final AtomicInteger mostAttempts = new AtomicInteger(1);

    public FetchContext(CollectionTask task, SiteRuntime site) {
        this.task = task;
        this.site = site;
    }

    public CollectionTask task() {
        return task;
    }

    public SiteRuntime site() {
        return site;
    }

    /** Sends through the site's limits, retries and circuit; see {@link SiteRuntime#send}. */
    public HttpResponse<byte[]> send(HttpRequest.Builder request, ResponseCheck check) throws InterruptedException {
        AtomicInteger attempts = new AtomicInteger();
        try {
            return site.send(request, check, attempts);
        } finally {
            mostAttempts.accumulateAndGet(attempts.get(), Math::max);
        }
    }

    /** The most attempts any one request of this task needed. */
    public int attempts() {
        return mostAttempts.get();
    }
}
