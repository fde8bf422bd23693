package io.kmarket.scheduler.collect.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.kmarket.scheduler.collect.Dataset;

/** ops.collection_watermarks: per site and dataset, the last day known to be completely collected. */
@ApplicationScoped
public class CollectionWatermarks {

    private final AgroalDataSource dataSource;

    CollectionWatermarks(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<LocalDate> current(String site, Dataset dataset) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement st = connection.prepareStatement("""
                        SELECT watermark FROM ops.collection_watermarks
                         WHERE site_code = ? AND dataset = ? AND scope = ''""")) {
            st.setString(1, site);
            st.setString(2, dataset.name());
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getDate(1).toLocalDate()) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the " + dataset + " watermark of " + site, e);
        }
    }

    /** Moves the watermark to {@code reached}, never back: of two runs racing, the later day stays. */
    public void raise(String site, Dataset dataset, LocalDate reached) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement st = connection.prepareStatement("""
                        INSERT INTO ops.collection_watermarks (site_code, dataset, scope, watermark)
                        VALUES (?, ?, '', ?)
                        ON CONFLICT (site_code, dataset, scope) DO UPDATE
                           SET watermark = GREATEST(collection_watermarks.watermark, EXCLUDED.watermark),
                               updated_at = now()""")) {
            st.setString(1, site);
            st.setString(2, dataset.name());
            st.setDate(3, Date.valueOf(reached));
            st.executeUpdate();
        }
    }
}
