package io.kmarket.scheduler.collect.store;

import java.time.LocalDate;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.kit.jdbc.Jdbc;
import io.kmarket.scheduler.collect.Dataset;

/** ops.collection_watermarks: per site and dataset, the last day known to be completely collected. */
@ApplicationScoped
public class CollectionWatermarks {

    private final Jdbc jdbc;

    CollectionWatermarks(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<LocalDate> current(String site, Dataset dataset) {
        return jdbc.first("""
                SELECT watermark FROM ops.collection_watermarks
                 WHERE site_code = ? AND dataset = ? AND scope = ''""",
                row -> Jdbc.date(row, 1), site, dataset.name());
    }

    /** Moves the watermark to {@code reached}, never back: of two runs racing, the later day stays. */
    public void raise(String site, Dataset dataset, LocalDate reached) {
        jdbc.update("""
                INSERT INTO ops.collection_watermarks (site_code, dataset, scope, watermark)
                VALUES (?, ?, '', ?)
                ON CONFLICT (site_code, dataset, scope) DO UPDATE
                   SET watermark = GREATEST(collection_watermarks.watermark, EXCLUDED.watermark),
                       updated_at = now()""",
                site, dataset.name(), reached);
    }
}
