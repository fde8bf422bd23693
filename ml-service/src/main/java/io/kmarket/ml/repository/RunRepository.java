package io.kmarket.ml.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/** analytics.runs: the record of every asynchronous run, written before the run is acknowledged. */
@ApplicationScoped
public class RunRepository {

    /** Also the JSON of GET /internal/runs/{id}. */
    public record Run(UUID runId, String kind, String status, long records, OffsetDateTime startedAt,
            OffsetDateTime finishedAt, String error) {
    }

    private final AgroalDataSource dataSource;

    RunRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Run insert(UUID id, String kind, String parametersJson) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("INSERT INTO analytics.runs"
                        + " (id, kind, status, parameters) VALUES (?, ?, 'running', ?::jsonb)"
                        + " RETURNING id, kind, status, records, started_at, finished_at, error")) {
            statement.setObject(1, id);
            statement.setString(2, kind);
            statement.setString(3, parametersJson);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return map(rs);
            }
        }
    }

    public void finish(UUID id, String status, long records, String error) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("UPDATE analytics.runs"
                        + " SET status = ?, records = ?, error = ?, finished_at = now() WHERE id = ?")) {
            statement.setString(1, status);
            statement.setLong(2, records);
            statement.setString(3, error);
            statement.setObject(4, id);
            statement.executeUpdate();
        }
    }

    public Optional<Run> find(UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT id, kind, status, records,"
                        + " started_at, finished_at, error FROM analytics.runs WHERE id = ?")) {
            statement.setObject(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    /** Runs still 'running' when the service starts were cut off by a stop or crash: say so instead of hanging. */
    public int failUnfinished() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("UPDATE analytics.runs"
                        + " SET status = 'failed', finished_at = now(), error = 'interrupted: ml-service restarted'"
                        + " WHERE status = 'running'")) {
            return statement.executeUpdate();
        }
    }

    private static Run map(ResultSet rs) throws SQLException {
        return new Run(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getLong(4),
                rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class), rs.getString(7));
    }
}
