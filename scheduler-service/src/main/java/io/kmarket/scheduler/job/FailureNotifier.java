package io.kmarket.scheduler.job;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.kmarket.scheduler.client.WebhookNotifier;

/**
 * Tells operators about a failed or skipped run, once per distinct failure: ops.job_notifications remembers
 * what was sent, so a retried or re-evaluated identical failure stays quiet.
 */
@ApplicationScoped
public class FailureNotifier {

    private static final Logger LOG = Logger.getLogger(FailureNotifier.class);

    private final Jdbc jdbc;
    private final Clock clock;
    private final WebhookNotifier webhook;
    private final ExecutorService sender = Executors.newVirtualThreadPerTaskExecutor();

    FailureNotifier(Jdbc jdbc, Clock clock, WebhookNotifier webhook) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.webhook = webhook;
    }

    void notifyFailure(String job, LocalDate date, RunStatus status, String error) {
        int fresh = jdbc.update("""
                INSERT INTO ops.job_notifications (job_name, logical_date, status, error_digest, sent_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                job, date, status.value(), digest(error), clock.instant());
        if (fresh == 0) {
            LOG.debugf("%s %s for %s already notified", job, status.value(), date);
            return;
        }
        String text = ":rotating_light: kmarket job *" + job + "* " + status.value() + " for " + date
                + (error == null ? "" : "\n" + error);
        if (!webhook.configured()) {
            LOG.infof("no webhook configured; notification: %s", text);
            return;
        }
        // Off the run's thread: a slow webhook must not hold up the end of a run or its dependents.
        sender.submit(() -> {
            try {
                webhook.post(text);
            } catch (RuntimeException e) {
                LOG.warnf("webhook notification failed (%s): %s", e.getMessage(), text);
            }
        });
    }

    @PreDestroy
    void shutdown() {
        sender.shutdownNow();
    }

    private static String digest(String error) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(error).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
