package io.kmarket.scheduler.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.kmarket.scheduler.alert.store.AlertOutbox;
import io.kmarket.scheduler.client.WebhookClient;
import io.quarkus.scheduler.Scheduled;

/**
 * Delivers the outbox: queues alerts for new data-quality findings, then posts every due alert; a failed POST
 * is retried later, the wait doubling from retry-initial up to retry-max. Runs on its own schedule and right
 * after something was queued; instances share the work through the outbox's claims.
 */
@ApplicationScoped
public class AlertDispatcher {

    private static final Logger LOG = Logger.getLogger(AlertDispatcher.class);
    private static final int BATCH = 50;

    private final AlertOutbox outbox;
    private final FindingAlerts findings;
    private final WebhookClient webhook;
    private final Clock clock;
    private final AlertsConfig config;
    private final ExecutorService sender = Executors.newVirtualThreadPerTaskExecutor();

    AlertDispatcher(AlertOutbox outbox, FindingAlerts findings, WebhookClient webhook, Clock clock,
            AlertsConfig config) {
        this.outbox = outbox;
        this.findings = findings;
        this.webhook = webhook;
        this.clock = clock;
        this.config = config;
    }

    /** Soon and off the caller's thread: a slow webhook must not hold up the end of a run or its dependents. */
    public void dispatchSoon() {
        sender.submit(this::dispatchLogged);
    }

    @Scheduled(every = "${kmarket.alerts.dispatch-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        dispatchLogged();
    }

    /** One pass; returns how many alerts were delivered. */
    public synchronized int dispatch() {
        findings.alertNew(clock.instant(), webhook.configured());
        if (!webhook.configured()) {
            return 0;
        }
        int delivered = 0;
        for (AlertOutbox.Claimed alert : outbox.claimDue(clock.instant(), BATCH)) {
            try {
                webhook.post(alert.text());
                outbox.sent(alert.id(), clock.instant());
                delivered++;
            } catch (RuntimeException e) {
                Instant next = clock.instant().plus(backoff(alert.attempts() + 1));
                LOG.warnf("alert %d not delivered (attempt %d, next at %s): %s", alert.id(), alert.attempts() + 1,
                        next, e.getMessage());
                outbox.failed(alert.id(), next, String.valueOf(e.getMessage()));
            }
        }
        return delivered;
    }

    /** The wait after the {@code failures}-th failed attempt. */
    Duration backoff(int failures) {
        Duration wait = config.retryInitial();
        for (int i = 1; i < failures && wait.compareTo(config.retryMax()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.retryMax()) > 0 ? config.retryMax() : wait;
    }

    private void dispatchLogged() {
        try {
            dispatch();
        } catch (RuntimeException e) {
            // The outbox keeps everything; the next pass tries again.
            LOG.errorf(e, "alert dispatch failed");
        }
    }

    @PreDestroy
    void shutdown() {
        sender.shutdownNow();
    }
}
