package io.kmarket.kit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * Plain JDBC over the pool, for the statements an ORM would only slow down or cannot say: range scans, batched
 * upserts, streamed reads, COPY, advisory locks. Parameters are positional; {@link Instant} binds as timestamptz,
 * {@link LocalDate} as date, {@code String[]} as a varchar array; a null binds as SQL NULL. Every failure is one
 * unchecked {@link DataAccessException}.
 * <p>
 * Transactions: a unit of work is a {@code QuarkusTransaction} around the store method that owns it; the pool
 * enlists the connection it hands out in that transaction, so these statements and Hibernate's join it. Outside one,
 * each statement commits on its own. Only two things here hold a connection's own transaction, where the driver
 * needs one that JTA cannot give: {@link #stream} (a cursor needs auto-commit off) and {@link #inOwnTransaction}.
 */
@ApplicationScoped
// A bean only in an app with a PostgreSQL datasource: an app of the kit without one (the sandbox) would not build.
@IfBuildProperty(name = "quarkus.datasource.db-kind", stringValue = "postgresql")
public class Jdbc {

    /** Rows per executeBatch: large enough to amortise round trips, small enough to bound the driver's buffers. */
    static final int BATCH_SIZE = 1_000;

    /** Maps the current row; never calls {@code next()}. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Receives each row of a {@link #stream}. */
    @FunctionalInterface
    public interface RowHandler {
        void handle(ResultSet row) throws SQLException;
    }

    /** Work on one connection; its SQLExceptions become a {@link DataAccessException}. */
    @FunctionalInterface
    public interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    public Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        return withConnection(sql, connection -> {
            try (PreparedStatement statement = prepare(connection, sql, params);
                    ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        });
    }

    /** The first row, if any; also the way to read what a writing statement returns (... RETURNING). */
    public <T> Optional<T> first(String sql, RowMapper<T> mapper, Object... params) {
        return withConnection(sql, connection -> {
            try (PreparedStatement statement = prepare(connection, sql, params);
                    ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(mapper.map(rows)) : Optional.empty();
            }
        });
    }

    /** Rows changed. */
    public int update(String sql, Object... params) {
        return withConnection(sql, connection -> {
            try (PreparedStatement statement = prepare(connection, sql, params)) {
                return statement.executeUpdate();
            }
        });
    }

    /**
     * One statement for each item, sent {@value #BATCH_SIZE} at a time; returns the number of items. Not atomic by
     * itself: run it in a transaction when the items belong together.
     */
    public <T> int batch(String sql, Collection<? extends T> items, Function<? super T, Object[]> params) {
        return withConnection(sql, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int pending = 0;
                for (T item : items) {
                    bind(statement, params.apply(item));
                    statement.addBatch();
                    if (++pending == BATCH_SIZE) {
                        statement.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    statement.executeBatch();
                }
                return items.size();
            }
        });
    }

    /**
     * Hands every row to {@code handler} while fetching {@code fetchSize} rows at a time through a server-side cursor,
     * so memory stays flat however many rows match. The driver opens a cursor only with auto-commit off: outside a
     * transaction the read runs in a read-only one of its own, ended when the stream is.
     */
    public void stream(String sql, int fetchSize, RowHandler handler, Object... params) {
        withConnection(sql, connection -> {
            boolean ownTransaction = connection.getAutoCommit();
            if (ownTransaction) {
                connection.setAutoCommit(false);
            }
            try (PreparedStatement statement = prepare(connection, sql, params)) {
                statement.setFetchSize(fetchSize);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        handler.handle(rows);
                    }
                }
                return null;
            } finally {
                if (ownTransaction) {
                    connection.commit();
                    connection.setAutoCommit(true);
                }
            }
        });
    }

    /** {@code work} on a pooled connection: inside a transaction, the one enlisted in it. */
    public <T> T withConnection(ConnectionWork<T> work) {
        return withConnection("(connection work)", work);
    }

    /**
     * {@code work} on a connection of its own, in a transaction of its own committed when it returns and rolled back
     * when it throws. For a bulk write (COPY) that has to stay open while another connection streams its input: a
     * JTA transaction belongs to the thread, so the two could not be apart. Refuses to run inside a transaction.
     */
    public <T> T inOwnTransaction(ConnectionWork<T> work) {
        return withConnection("(own transaction)", connection -> {
            if (!connection.getAutoCommit()) {
                throw new IllegalStateException("inOwnTransaction inside a transaction: its connection is enlisted");
            }
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        });
    }

    /** A timestamptz column as an Instant; null stays null. */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A timestamptz column with the offset the driver reads it in (UTC); null stays null. */
    public static OffsetDateTime timestamp(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class);
    }

    public static LocalDate date(ResultSet row, String column) throws SQLException {
        return date(row, row.findColumn(column));
    }

    public static LocalDate date(ResultSet row, int column) throws SQLException {
        return row.getObject(column, LocalDate.class);
    }

    public static Double nullableDouble(ResultSet row, String column) throws SQLException {
        return nullableDouble(row, row.findColumn(column));
    }

    public static Double nullableDouble(ResultSet row, int column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }

    public static Integer nullableInt(ResultSet row, String column) throws SQLException {
        return nullableInt(row, row.findColumn(column));
    }

    public static Integer nullableInt(ResultSet row, int column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    public static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private <T> T withConnection(String sql, ConnectionWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw DataAccessException.of(sql, e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... params)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            bind(statement, params);
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static void bind(PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object value = switch (params[i]) {
                case Instant instant -> instant.atOffset(ZoneOffset.UTC);
                case String[] strings -> statement.getConnection().createArrayOf("varchar", strings);
                case null, default -> params[i];
            };
            statement.setObject(i + 1, value);
        }
    }
}
