package io.kmarket.ml.predictions.store;

import java.time.LocalDate;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.kmarket.kit.jdbc.Jdbc;
import io.kmarket.ml.predictions.Features;
import io.kmarket.ml.predictions.ModelMetrics;
import io.kmarket.ml.predictions.ModelParameters;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** analytics.model_versions: one row per model name and version (its training window), upserted. */
@ApplicationScoped
public class ModelRepository {

    public record StoredModel(long id, String name, String version, LocalDate trainFrom, LocalDate trainTo,
            ModelParameters parameters, ModelMetrics metrics) {
    }

    /** Retraining a window replaces its model and makes it the newest, in one atomic statement. */
    private static final String UPSERT = """
            INSERT INTO analytics.model_versions
                (name, version, algorithm, train_from, train_to, features, parameters, metrics)
            VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb)
            ON CONFLICT (name, version) DO UPDATE SET algorithm = EXCLUDED.algorithm,
                features = EXCLUDED.features, parameters = EXCLUDED.parameters,
                metrics = EXCLUDED.metrics, created_at = now()
            RETURNING id""";

    private final Jdbc jdbc;
    private final ObjectMapper json;

    ModelRepository(Jdbc jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public long save(String name, String version, String algorithm, LocalDate from, LocalDate to,
            ModelParameters parameters, ModelMetrics metrics) {
        return jdbc.first(UPSERT, row -> row.getLong(1), name, version, algorithm, from, to, write(Features.NAMES),
                write(parameters), write(metrics)).orElseThrow();
    }

    /** The newest model of {@code name} trained only on data up to {@code day}: walk-forward, never later. */
    public Optional<StoredModel> latestTrainedBy(String name, LocalDate day) {
        return QuarkusTransaction.joiningExisting().call(() -> ModelVersionEntity.<ModelVersionEntity>find(
                "name = ?1 and trainTo <= ?2 order by trainTo desc, createdAt desc", name, day)
                .firstResultOptional().map(this::stored));
    }

    public Optional<StoredModel> find(long id) {
        return QuarkusTransaction.joiningExisting()
                .call(() -> ModelVersionEntity.<ModelVersionEntity>findByIdOptional(id).map(this::stored));
    }

    private StoredModel stored(ModelVersionEntity model) {
        try {
            return new StoredModel(model.id, model.name, model.version, model.trainFrom, model.trainTo,
                    json.readValue(model.parameters, ModelParameters.class),
                    json.readValue(model.metrics, ModelMetrics.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored model " + model.id + ": " + e.getOriginalMessage(), e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + value, e);
        }
    }
}
