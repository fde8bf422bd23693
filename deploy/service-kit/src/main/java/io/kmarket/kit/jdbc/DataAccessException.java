package io.kmarket.kit.jdbc;

import java.sql.SQLException;

import io.kmarket.kit.db.DatabaseUnavailability;

/**
 * A statement failed: the one exception every store throws, unchecked, so callers handle database failures in one
 * place (the problem mappers: 500, or 503 with Retry-After for {@link DatabaseUnavailableException}) instead of
 * declaring SQLException through every layer. The message names the statement's first line and its SQLState.
 */
public class DataAccessException extends RuntimeException {

    DataAccessException(String sql, SQLException cause) {
        super("statement failed (SQLState " + cause.getSQLState() + "): " + firstLine(sql), cause);
    }

    /** The exception for {@code cause}: {@link DatabaseUnavailableException} when the database was unreachable. */
    public static DataAccessException of(String sql, SQLException cause) {
        return DatabaseUnavailability.causeOf(cause).isPresent() ? new DatabaseUnavailableException(sql, cause)
                : new DataAccessException(sql, cause);
    }

    private static String firstLine(String sql) {
        return sql.strip().lines().findFirst().orElse(sql);
    }
}
