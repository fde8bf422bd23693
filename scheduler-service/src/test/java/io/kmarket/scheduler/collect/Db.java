package io.kmarket.scheduler.collect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.kmarket.testing.postgres.KmarketTestDatabase;

/** Reads and seeds the shared test database as superuser, independently of the code under test. */
public final class Db {

    private Db() {
    }

    public static List<String> rows(String sql) {
        try (Connection c = KmarketTestDatabase.shared().connectAsSuperuser();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static long count(String sql) {
        return Long.parseLong(rows(sql).getFirst());
    }

    public static void execute(String... statements) {
        try (Connection c = KmarketTestDatabase.shared().connectAsSuperuser(); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(String.join("; ", statements), e);
        }
    }
}
