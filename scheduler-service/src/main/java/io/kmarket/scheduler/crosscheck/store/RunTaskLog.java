package io.kmarket.scheduler.crosscheck.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/** Which tasks of a collection run succeeded, from ops.fetch_execution_logs (the engine records every task). */
@ApplicationScoped
public class RunTaskLog {

    private final AgroalDataSource dataSource;

    RunTaskLog(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Set<String> succeededTaskKeys(UUID runId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT task_key FROM ops.fetch_execution_logs WHERE run_id = ? AND status = 'success'")) {
            ps.setObject(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                Set<String> keys = new HashSet<>();
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
                return keys;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the tasks of collection run " + runId, e);
        }
    }
}
