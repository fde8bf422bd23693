package io.kmarket.scheduler.collect.fetch.kis.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.kit.jdbc.DataAccessException;
import io.kmarket.kit.jdbc.Jdbc;

/**
 * ops.oauth_tokens, one row per site and app key. Renewing goes through {@link #underLock}: the row is held FOR
 * UPDATE, so of several instances finding the token unusable one issues while the others wait and then read its
 * token. The lock spans an HTTP request and a wait of up to a minute, so it is a transaction of its own connection
 * ({@link Jdbc#inOwnTransaction}), apart from any other work of the thread (the raw answers it keeps meanwhile).
 */
@ApplicationScoped
public class OAuthTokenStore {

    /** The row as read under the lock; {@code lastAttempt} is the last issuance attempt, successful or not. */
    public record StoredToken(String token, Instant expiresAt, Instant lastAttempt) {

        public boolean validAfter(Instant instant) {
            return token != null && expiresAt != null && instant.isBefore(expiresAt);
        }
    }

    /** Work under the locked row of one site and app key. */
    @FunctionalInterface
    public interface LockedWork<T> {
        T run(Lock lock) throws InterruptedException;
    }

    private final Jdbc jdbc;

    OAuthTokenStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * {@code work} with the row locked; what it recorded through the lock (attempt and token) commits when it ends,
     * also when it throws: KIS counts a failed attempt too. Only a failed statement (the transaction is lost then)
     * rolls back.
     */
    public <T> T underLock(String site, String fingerprint, LockedWork<T> work) throws InterruptedException {
        Ended<T> ended = jdbc.inOwnTransaction(connection -> {
            Lock lock = new Lock(connection, site, fingerprint, lockRow(connection, site, fingerprint));
            try {
                return new Ended<>(work.run(lock), null);
            } catch (DataAccessException e) {
                throw e;
            } catch (InterruptedException | RuntimeException e) {
                return new Ended<>(null, e);
            }
        });
        return ended.result();
    }

    private static StoredToken lockRow(Connection c, String site, String fingerprint) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO ops.oauth_tokens (site_code, app_key_fingerprint) VALUES (?, ?)
                ON CONFLICT (site_code, app_key_fingerprint) DO NOTHING""")) {
            insert.setString(1, site);
            insert.setString(2, fingerprint);
            insert.executeUpdate();
        }
        try (PreparedStatement select = c.prepareStatement("""
                SELECT access_token, expires_at, last_attempt_at FROM ops.oauth_tokens
                 WHERE site_code = ? AND app_key_fingerprint = ? FOR UPDATE""")) {
            select.setString(1, site);
            select.setString(2, fingerprint);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return new StoredToken(rs.getString(1), Jdbc.instant(rs, "expires_at"),
                        Jdbc.instant(rs, "last_attempt_at"));
            }
        }
    }

    /** How the locked work ended: its result, or what it threw once its records are committed. */
    private record Ended<T>(T value, Exception failure) {

        T result() throws InterruptedException {
            return switch (failure) {
                case null -> value;
                case InterruptedException interrupted -> throw interrupted;
                case RuntimeException runtime -> throw runtime;
                default -> throw new IllegalStateException(failure);
            };
        }
    }

    /** The locked row of one site and app key, valid while the work given to {@link #underLock} runs. */
    public static final class Lock {

        private final Connection connection;
        private final String site;
        private final String fingerprint;
        private final StoredToken current;

        private Lock(Connection connection, String site, String fingerprint, StoredToken current) {
            this.connection = connection;
            this.site = site;
            this.fingerprint = fingerprint;
            this.current = current;
        }

        public StoredToken current() {
            return current;
        }

        /** Recorded before the request goes out, and kept even if it fails: KIS counts the attempt. */
        public void attempted(Instant at) {
            update("UPDATE ops.oauth_tokens SET last_attempt_at = ? WHERE site_code = ? AND app_key_fingerprint = ?",
                    at);
        }

        public void issued(String token, Instant expiresAt, Instant at) {
            update("""
                    UPDATE ops.oauth_tokens SET access_token = ?, expires_at = ?, issued_at = ?
                     WHERE site_code = ? AND app_key_fingerprint = ?""",
                    token, expiresAt, at);
        }

        private void update(String sql, Object... leading) {
            try (PreparedStatement st = connection.prepareStatement(sql)) {
                int i = 1;
                for (Object value : leading) {
                    st.setObject(i++, value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value);
                }
                st.setString(i++, site);
                st.setString(i, fingerprint);
                st.executeUpdate();
            } catch (SQLException e) {
                throw DataAccessException.of(sql, e);
            }
        }
    }
}
