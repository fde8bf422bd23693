package io.kmarket.ml.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * analytics.reports: a request is a row before it is acknowledged, so nothing accepted is lost to a crash,
 * and the partial unique index on pending/running rows makes the same pending request the same report.
 */
@ApplicationScoped
public class ReportRepository {

    public record StoredReport(UUID id, String code, LocalDate asOf, String status, OffsetDateTime requestedAt,
            OffsetDateTime finishedAt, String content, String html, String error) {
    }

    /** The outcome of a request: its report, and whether this request created it. */
    public record Requested(UUID id, boolean created) {
    }

    private final DataSource dataSource;

    public ReportRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Inserts a pending report, or finds the pending/running one for the same stock and date. */
    public Requested request(String code, LocalDate asOf) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO analytics.reports (id, code, as_of, status) VALUES (?, ?, ?, 'pending')
                    ON CONFLICT (code, coalesce(as_of, '0001-01-01'::date)) WHERE status IN ('pending', 'running')
                    DO NOTHING RETURNING id""")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, code);
                insert.setObject(3, asOf);
                try (ResultSet rs = insert.executeQuery()) {
                    if (rs.next()) {
                        return new Requested(rs.getObject(1, UUID.class), true);
                    }
                }
            }
        }
        // Lost the race to an identical request, or it finished between our insert and now: look, else retry.
        Optional<UUID> existing = pending(code, asOf);
        return existing.isPresent() ? new Requested(existing.get(), false) : request(code, asOf);
    }

    /** The pending or running report for the same stock and date, if one exists. */
    public Optional<UUID> pending(String code, LocalDate asOf) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement existing = connection.prepareStatement("""
                        SELECT id FROM analytics.reports WHERE code = ? AND as_of IS NOT DISTINCT FROM ?
                        AND status IN ('pending', 'running')""")) {
            existing.setString(1, code);
            existing.setObject(2, asOf);
            try (ResultSet rs = existing.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }

    public Optional<StoredReport> find(UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT id, code, as_of, status,"
                        + " requested_at, finished_at, content::text, html, error FROM analytics.reports WHERE id = ?")) {
            statement.setObject(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredReport(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getString(4), rs.getObject(5, OffsetDateTime.class),
                        rs.getObject(6, OffsetDateTime.class), rs.getString(7), rs.getString(8), rs.getString(9)));
            }
        }
    }

    /** Reports a stop or crash left unfinished, oldest first, put back to pending to be generated again. */
    public List<UUID> resumable() throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        WITH resumed AS (UPDATE analytics.reports SET status = 'pending', started_at = NULL
                                         WHERE status IN ('pending', 'running') RETURNING id, requested_at)
                        SELECT id FROM resumed ORDER BY requested_at""");
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    /** Claims a pending report for generation; false when it is not pending any more. */
    public boolean start(UUID id) throws SQLException {
        return update("UPDATE analytics.reports SET status = 'running', started_at = now()"
                + " WHERE id = ? AND status = 'pending'", id) == 1;
    }

    public void done(UUID id, String contentJson, String html) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("UPDATE analytics.reports SET"
                        + " status = 'done', content = ?::jsonb, html = ?, finished_at = now(), error = NULL WHERE id = ?")) {
            statement.setString(1, contentJson);
            statement.setString(2, html);
            statement.setObject(3, id);
            statement.executeUpdate();
        }
    }

    public void failed(UUID id, String error) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("UPDATE analytics.reports SET"
                        + " status = 'failed', error = ?, finished_at = now() WHERE id = ?")) {
            statement.setString(1, error);
            statement.setObject(2, id);
            statement.executeUpdate();
        }
    }

    private int update(String sql, UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            return statement.executeUpdate();
        }
    }
}
