package io.kmarket.scheduler.collect.store;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.kmarket.scheduler.collect.CollectionTask;
import io.kmarket.scheduler.collect.config.SourcesConfig;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps each answer's raw body in ops.raw_payloads for the sources configured with {@code keep-raw}, until its
 * retention ends; expired bodies are deleted hourly.
 */
@ApplicationScoped
public class RawPayloads {

    private static final Logger LOG = Logger.getLogger(RawPayloads.class);

    private final AgroalDataSource dataSource;
    private final Map<String, SourcesConfig.Source> sources;
    private final Clock clock;

    RawPayloads(AgroalDataSource dataSource, SourcesConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.sources = Map.of("KRX", config.krx(), "DART", config.dart(), "NAVER", config.naver(), "KIS", config.kis(),
                "DAUM", config.daum());
    }

    public void keep(CollectionTask task, HttpResponse<byte[]> response) {
        SourcesConfig.Source source = sources.get(task.site());
        if (source == null || !source.keepRaw()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement st = connection.prepareStatement("""
                        INSERT INTO ops.raw_payloads (site_code, dataset, task_key, content_type, body, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")) {
            st.setString(1, task.site());
            st.setString(2, task.dataset().name());
            st.setString(3, task.key());
            st.setString(4, response.headers().firstValue("Content-Type").orElse(null));
            st.setBytes(5, response.body());
            st.setTimestamp(6, Timestamp.from(clock.instant().plus(source.rawRetention())));
            st.executeUpdate();
        } catch (SQLException e) {
            // Raw bodies are an audit aid: failing to keep one must not fail the collection.
            LOG.warnf("Could not keep the raw answer of %s: %s", task.key(), e.getMessage());
        }
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deleteExpired() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement st = connection.prepareStatement(
                        "DELETE FROM ops.raw_payloads WHERE expires_at < ?")) {
            // The service's clock, as when the expiry was set: the database's own now() may disagree with it.
            st.setTimestamp(1, Timestamp.from(clock.instant()));
            int deleted = st.executeUpdate();
            if (deleted > 0) {
                LOG.infof("Deleted %d expired raw payloads", deleted);
            }
        }
    }
}
