package io.kmarket.scheduler.collect.fetch;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

import io.kmarket.scheduler.collect.CollectionTask;
import io.kmarket.scheduler.collect.site.SiteRuntime;
import io.kmarket.scheduler.collect.store.RawPayloads;

/** What a fetcher gets for one task: the task and the site's guarded HTTP access. */
public final class FetchContext {

    private final CollectionTask task;
    private final SiteRuntime site;
    private final RawPayloads raw;
    private final AtomicInteger mostAttempts = new AtomicInteger(1);

    public FetchContext(CollectionTask task, SiteRuntime site, RawPayloads raw) {
        this.task = task;
        this.site = site;
        this.raw = raw;
    }

    public CollectionTask task() {
        return task;
    }

    public SiteRuntime site() {
        return site;
    }

    /** Sends through the site's limits, retries and circuit; see {@link SiteRuntime#send}. */
    public HttpResponse<byte[]> send(HttpRequest.Builder request, ResponseCheck check) throws InterruptedException {
        return send(request, check, false);
    }

    /** As {@link #send}, for a request that needs the site's login session; see {@link SiteRuntime#sendInSession}. */
    public HttpResponse<byte[]> sendInSession(HttpRequest.Builder request, ResponseCheck check)
            throws InterruptedException {
        return send(request, check, true);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request, ResponseCheck check, boolean inSession)
            throws InterruptedException {
        AtomicInteger attempts = new AtomicInteger();
        try {
            HttpResponse<byte[]> response = inSession ? site.sendInSession(request, check, attempts)
                    : site.send(request, check, attempts);
            raw.keep(task, response);
            return response;
        } finally {
            mostAttempts.accumulateAndGet(attempts.get(), Math::max);
        }
    }

    /** The most attempts any one request of this task needed. */
    public int attempts() {
        return mostAttempts.get();
    }
}
