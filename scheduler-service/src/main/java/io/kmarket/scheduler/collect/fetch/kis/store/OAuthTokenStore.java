package io.kmarket.scheduler.collect.fetch.kis.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/**
 * ops.oauth_tokens, one row per site and app key. Renewing goes through {@link #lock}: the row is held FOR UPDATE,
 * so of several instances finding the token unusable one issues while the others wait and then read its token.
 */
@ApplicationScoped
public class OAuthTokenStore {

    /** The row as read under the lock; {@code lastAttempt} is the last issuance attempt, successful or not. */
    public record StoredToken(String token, Instant expiresAt, Instant lastAttempt) {

        public boolean validAfter(Instant instant) {
            return token != null && expiresAt != null && instant.isBefore(expiresAt);
        }
    }

    private final AgroalDataSource dataSource;

    OAuthTokenStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The row locked until {@link Lock#close()}, which commits what was written (attempt and token). */
    public Lock lock(String site, String fingerprint) {
        try {
            Connection c = dataSource.getConnection();
            try {
                c.setAutoCommit(false);
                try (PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO ops.oauth_tokens (site_code, app_key_fingerprint) VALUES (?, ?)
                        ON CONFLICT (site_code, app_key_fingerprint) DO NOTHING""")) {
                    insert.setString(1, site);
                    insert.setString(2, fingerprint);
                    insert.executeUpdate();
                }
                StoredToken current;
                try (PreparedStatement select = c.prepareStatement("""
                        SELECT access_token, expires_at, last_attempt_at FROM ops.oauth_tokens
                         WHERE site_code = ? AND app_key_fingerprint = ? FOR UPDATE""")) {
                    select.setString(1, site);
                    select.setString(2, fingerprint);
                    try (ResultSet rs = select.executeQuery()) {
                        rs.next();
                        current = new StoredToken(rs.getString(1), instant(rs.getTimestamp(2)),
                                instant(rs.getTimestamp(3)));
                    }
                }
                return new Lock(c, site, fingerprint, current);
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot lock the KIS token", e);
        }
    }

    /** The locked row of one site and app key; closing it commits and releases the lock. */
    public static final class Lock implements AutoCloseable {

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
                    Timestamp.from(at));
        }

        public void issued(String token, Instant expiresAt, Instant at) {
            update("""
                    UPDATE ops.oauth_tokens SET access_token = ?, expires_at = ?, issued_at = ?
                     WHERE site_code = ? AND app_key_fingerprint = ?""",
                    token, Timestamp.from(expiresAt), Timestamp.from(at));
        }

        private void update(String sql, Object... leading) {
            try (PreparedStatement st = connection.prepareStatement(sql)) {
                int i = 1;
                for (Object value : leading) {
                    st.setObject(i++, value);
                }
                st.setString(i++, site);
                st.setString(i, fingerprint);
                st.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot save the KIS token state", e);
            }
        }

        @Override
        public void close() {
            try (connection) {
                connection.commit();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot save the KIS token state", e);
            }
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
