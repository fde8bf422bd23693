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

    /**
     * For a store over entities: Hibernate (and the transaction's commit) keep the driver's SQLException as a cause;
     * found, {@code failure} becomes this exception with the same classification as {@link Jdbc}'s, under the name
     * {@code statement}. Anything else is not a database failure and is returned as it is.
     */
    public static RuntimeException fromCauseOf(String statement, RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return of(statement, sql);
            }
        }
        return failure;
    }

    private static String firstLine(String sql) {
        return sql.strip().lines().findFirst().orElse(sql);
    }
}
