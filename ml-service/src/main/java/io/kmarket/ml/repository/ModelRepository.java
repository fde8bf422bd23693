package io.kmarket.ml.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.kmarket.ml.service.predictions.Features;
import io.kmarket.ml.service.predictions.ModelMetrics;
import io.kmarket.ml.service.predictions.ModelParameters;

/** analytics.model_versions: one row per model name and version (its training window), upserted. */
@ApplicationScoped
public class ModelRepository {

    public record StoredModel(long id, String name, String version, LocalDate trainFrom, LocalDate trainTo,
            ModelParameters parameters, ModelMetrics metrics) {
    }

    private static final String COLUMNS = "id, name, version, train_from, train_to, parameters, metrics";

    private final DataSource dataSource;
    private final ObjectMapper json;

    ModelRepository(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    public long save(String name, String version, String algorithm, LocalDate from, LocalDate to,
            ModelParameters parameters, ModelMetrics metrics) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        INSERT INTO analytics.model_versions
                            (name, version, algorithm, train_from, train_to, features, parameters, metrics)
                        VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb)
                        ON CONFLICT (name, version) DO UPDATE SET algorithm = EXCLUDED.algorithm,
                            features = EXCLUDED.features, parameters = EXCLUDED.parameters,
                            metrics = EXCLUDED.metrics, created_at = now()
                        RETURNING id""")) {
            statement.setString(1, name);
            statement.setString(2, version);
            statement.setString(3, algorithm);
            statement.setObject(4, from);
            statement.setObject(5, to);
            statement.setString(6, write(Features.NAMES));
            statement.setString(7, write(parameters));
            statement.setString(8, write(metrics));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The newest model of {@code name} trained only on data up to {@code day}: walk-forward, never later. */
    public Optional<StoredModel> latestTrainedBy(String name, LocalDate day) throws SQLException {
        return one("SELECT " + COLUMNS + " FROM analytics.model_versions WHERE name = ? AND train_to <= ?"
                + " ORDER BY train_to DESC, created_at DESC LIMIT 1", name, day);
    }

    public Optional<StoredModel> find(long id) throws SQLException {
        return one("SELECT " + COLUMNS + " FROM analytics.model_versions WHERE id = ?", id);
    }

    private Optional<StoredModel> one(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredModel(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
                        json.readValue(rs.getString(6), ModelParameters.class),
                        json.readValue(rs.getString(7), ModelMetrics.class)));
            }
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable stored model: " + e.getOriginalMessage(), e);
        }
    }

    private String write(Object value) throws SQLException {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot serialise " + value, e);
        }
    }
}
