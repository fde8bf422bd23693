package io.kmarket.api.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/**
 * Plain JDBC over the Agroal pool: the API only reads, mostly short ordered ranges of one primary key, where an
 * ORM would add mapping cost and nothing else. Statements are parameterised; the driver prepares them
 * server-side once they repeat.
 */
@ApplicationScoped
public class Jdbc {

    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final AgroalDataSource dataSource;

    Jdbc(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> List<T> list(String sql, Binder binder, RowMapper<T> mapper) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        } catch (SQLException e) {
            throw DatabaseUnavailableException.isUnavailability(e) ? new DatabaseUnavailableException(sql, e)
                    : new DataAccessException(sql, e);
        }
    }

    public <T> T first(String sql, Binder binder, RowMapper<T> mapper) {
        List<T> rows = list(sql, binder, mapper);
        return rows.isEmpty() ? null : rows.getFirst();
    }

    public boolean exists(String sql, Binder binder) {
        return first(sql, binder, row -> Boolean.TRUE) != null;
    }

    /** Binds the (code, from, to) of a daily range query. */
    static Binder codeAndRange(String code, LocalDate from, LocalDate to) {
        return s -> {
            s.setString(1, code);
            s.setObject(2, from);
            s.setObject(3, to);
        };
    }

    static LocalDate date(ResultSet row, String column) throws SQLException {
        return row.getObject(column, LocalDate.class);
    }

    static OffsetDateTime timestamp(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class);
    }

    static Double nullableDouble(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }

    static Integer nullableInt(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    /** A database failure: never the client's fault, logged and answered 500 by the problem mappers. */
    public static class DataAccessException extends RuntimeException {
        DataAccessException(String sql, SQLException cause) {
            super("query failed (SQLState " + cause.getSQLState() + "): " + sql, cause);
        }
    }

    /**
     * PostgreSQL could not be reached or is restarting: a fault of the moment, answered 503 with Retry-After, since
     * the same request will work once the database is back (a 500 would tell clients the request itself broke).
     */
    public static final class DatabaseUnavailableException extends DataAccessException {

        DatabaseUnavailableException(String sql, SQLException cause) {
            super(sql, cause);
        }

        /**
         * SQLState classes 08 (connection exception: refused, reset, a pooled connection cut by a restart),
         * 53 (insufficient resources: too many connections) and 57 (operator intervention: shutting down, starting
         * up); no SQLState at all comes from the pool itself (acquisition timeout, pool closing), never from a query.
         */
        static boolean isUnavailability(SQLException e) {
            String state = e.getSQLState();
            return state == null || state.startsWith("08") || state.startsWith("53") || state.startsWith("57");
        }
    }
}
