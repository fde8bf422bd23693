package io.kmarket.scheduler.job.engine;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.kmarket.scheduler.alert.AlertCause;
import io.kmarket.scheduler.alert.AlertDispatcher;
import io.kmarket.scheduler.alert.store.AlertOutbox;
import io.kmarket.scheduler.client.WebhookClient;

/**
 * Tells operators about a failed or skipped run, once per stable cause ({@link AlertCause}): an identical
 * failure repeating (retries, a job failing every minute) stays quiet until the job succeeds for that date.
 * Alerts go through the outbox, so a failed POST is retried and a restart loses nothing.
 */
@ApplicationScoped
public class FailureNotifier {

    private static final Logger LOG = Logger.getLogger(FailureNotifier.class);

    private final Clock clock;
    private final WebhookClient webhook;
    private final AlertOutbox outbox;
    private final AlertDispatcher dispatcher;

    FailureNotifier(Clock clock, WebhookClient webhook, AlertOutbox outbox, AlertDispatcher dispatcher) {
        this.clock = clock;
        this.webhook = webhook;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
    }

    void notifyFailure(String job, LocalDate date, RunStatus status, String error) {
        String text = ":rotating_light: kmarket job *" + job + "* " + status.value() + " for " + date
                + (error == null ? "" : "\n" + error);
        boolean queued = outbox.enqueue(AlertCause.ofJob(job, date, status.value(), error), job, date, text,
                webhook.configured(), clock.instant());
        if (!queued) {
            LOG.debugf("%s %s for %s already notified", job, status.value(), date);
        } else if (!webhook.configured()) {
            LOG.infof("no webhook configured; notification: %s", text);
        } else {
            dispatcher.dispatchSoon();
        }
    }

    /** A success closes the job's alerts for the date; any run may have written data-quality findings. */
    void runFinished(String job, LocalDate date, RunStatus status) {
        if (status == RunStatus.SUCCEEDED) {
            outbox.resolve(job, date, clock.instant());
        }
        dispatcher.dispatchSoon();
    }
}
