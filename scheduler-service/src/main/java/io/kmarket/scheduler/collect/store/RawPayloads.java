package io.kmarket.scheduler.collect.store;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.kmarket.kit.jdbc.DataAccessException;
import io.kmarket.kit.jdbc.Jdbc;
import io.kmarket.scheduler.collect.CollectionTask;
import io.kmarket.scheduler.collect.config.SourcesConfig;

/**
 * ops.raw_payloads: each answer's raw body, kept for the sources configured with {@code keep-raw} until its
 * retention ends. The raw-payload-expiry job deletes what has expired ({@link #deleteExpired}).
 */
@ApplicationScoped
public class RawPayloads {

    private static final Logger LOG = Logger.getLogger(RawPayloads.class);

    private final Jdbc jdbc;
    private final Map<String, SourcesConfig.Source> sources;
    private final Clock clock;

    RawPayloads(Jdbc jdbc, SourcesConfig config, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.sources = Map.of("KRX", config.krx(), "DART", config.dart(), "NAVER", config.naver(), "KIS", config.kis(),
                "DAUM", config.daum());
    }

    public void keep(CollectionTask task, HttpResponse<byte[]> response) {
        SourcesConfig.Source source = sources.get(task.site());
        if (source == null || !source.keepRaw()) {
            return;
        }
        try {
            jdbc.update("""
                    INSERT INTO ops.raw_payloads (site_code, dataset, task_key, content_type, body, expires_at)
                    VALUES (?, ?, ?, ?, ?, ?)""",
                    task.site(), task.dataset().name(), task.key(),
                    response.headers().firstValue("Content-Type").orElse(null), response.body(),
                    clock.instant().plus(source.rawRetention()));
        } catch (DataAccessException e) {
            // Raw bodies are an audit aid: failing to keep one must not fail the collection.
            LOG.warnf("Could not keep the raw answer of %s: %s", task.key(), e.getMessage());
        }
    }

    /**
     * Deletes at most {@code batch} payloads expired before {@code now}, oldest first; returns how many. The
     * service's clock, as when the expiry was set: the database's own now() may disagree with it.
     */
    public int deleteExpired(Instant now, int batch) {
        return jdbc.update("""
                DELETE FROM ops.raw_payloads WHERE id IN (
                    SELECT id FROM ops.raw_payloads WHERE expires_at < ? ORDER BY expires_at LIMIT ?)""",
                now, batch);
    }
}
