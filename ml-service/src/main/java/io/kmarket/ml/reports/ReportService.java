package io.kmarket.ml.reports;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.kmarket.ml.reports.config.ReportsConfig;
import io.kmarket.ml.reports.store.ReportDataReader;
import io.kmarket.ml.reports.store.ReportRepository;
import io.kmarket.ml.reports.store.ReportRepository.Requested;
import io.quarkus.runtime.StartupEvent;

/**
 * Accepts report requests into a bounded pool: at most {@code queue-capacity} reports accepted and not yet
 * finished; beyond that, callers are told to come back later. Accepted reports are rows first, so the ones a
 * stop or crash interrupted are generated again at the next start.
 */
@ApplicationScoped
public class ReportService {

    /** Thrown when the pool is full; the caller should retry after {@link #retryAfterSeconds()}. */
    public static final class QueueFullException extends Exception {
        private final int retryAfterSeconds;

        QueueFullException(int capacity, int retryAfterSeconds) {
            super(capacity + " reports are already waiting or being generated");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public int retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    private static final Logger LOG = Logger.getLogger(ReportService.class);

    private final ReportRepository reports;
    private final ReportDataReader data;
    private final ReportGenerator generator;
    private final ReportsConfig config;
    private final ExecutorService workers;
    private final AtomicInteger inFlight = new AtomicInteger();

    ReportService(ReportRepository reports, ReportDataReader data, ReportGenerator generator, ReportsConfig config) {
        this.reports = reports;
        this.data = data;
        this.generator = generator;
        this.config = config;
        // Unbounded queue on purpose: inFlight bounds it, and counts running reports too.
        this.workers = new ThreadPoolExecutor(config.workers(), config.workers(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), Thread.ofPlatform().name("ml-report-", 0).daemon().factory());
    }

    public void resumeInterrupted(@Observes StartupEvent event) {
        var resumable = reports.resumable();
        for (UUID id : resumable) {
            inFlight.incrementAndGet();
            submit(id);
        }
        if (!resumable.isEmpty()) {
            LOG.infof("Resumed %d reports accepted before the last stop", resumable.size());
        }
    }

    public boolean knowsStock(String code) {
        return data.company(code).isPresent();
    }

    /** The report for the request: the pending one for the same stock and date, or a new one. */
    public UUID request(String code, LocalDate asOf) throws QueueFullException {
        if (inFlight.incrementAndGet() > config.queueCapacity()) {
            inFlight.decrementAndGet();
            Optional<UUID> pending = reports.pending(code, asOf);
            if (pending.isPresent()) {
                return pending.get();
            }
            throw new QueueFullException(config.queueCapacity(), config.retryAfter());
        }
        Requested requested;
        try {
            requested = reports.request(code, asOf);
        } catch (RuntimeException e) {
            inFlight.decrementAndGet();
            throw e;
        }
        if (requested.created()) {
            submit(requested.id());
        } else {
            inFlight.decrementAndGet();
        }
        return requested.id();
    }

    /** Queues an accepted report, already counted in {@code inFlight}. */
    private void submit(UUID id) {
        workers.execute(() -> {
            try {
                generator.generate(id);
            } finally {
                inFlight.decrementAndGet();
            }
        });
    }

    /** Queued reports stay pending in the table and are resumed at the next start. */
    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
