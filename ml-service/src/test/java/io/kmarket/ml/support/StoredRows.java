package io.kmarket.ml.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * Reads an analytics row's columns with plain SQL, as the expected values of tests that write through a store and
 * read back over the API: independent of the mapping under test.
 */
public final class StoredRows {

    private final DataSource dataSource;

    public StoredRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The JSON time is in UTC and the same instant as the stored one. */
    public static void assertSameInstantInUtc(String json, OffsetDateTime stored) {
        assertThat(json).endsWith("Z");
        assertThat(OffsetDateTime.parse(json).toInstant()).isEqualTo(stored.toInstant());
    }

    /** analytics.{table}.{column} of the row {@code id}, printed by PostgreSQL in UTC. */
    public OffsetDateTime timestamp(String table, String column, UUID id) throws SQLException {
        return OffsetDateTime.parse(text("SELECT to_char(" + column + " AT TIME ZONE 'UTC',"
                + " 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') FROM analytics." + table + " WHERE id = ?", id));
    }

    /** The first column of the one row {@code sql} selects for {@code id}, as text. */
    public String text(String sql, UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).as("a row for %s", id).isTrue();
                return rs.getString(1);
            }
        }
    }
}
