package io.kmarket.scheduler.collect.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/** Which listed companies need their company.json record (market.companies) fetched. */
@ApplicationScoped
public class CompanyRefreshes {

    private final AgroalDataSource dataSource;

    CompanyRefreshes(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The corp_codes of companies listed on {@code today} (market.stocks, preferred shares folded into their
     * company) without a record or with one updated before {@code staleBefore}: missing ones (new listings)
     * first, then the oldest, at most {@code limit}.
     */
    public List<String> due(LocalDate today, Instant staleBefore, int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("""
                        SELECT l.corp_code
                          FROM (SELECT DISTINCT corp_code FROM market.stocks
                                 WHERE corp_code IS NOT NULL AND (listed_on IS NULL OR listed_on <= ?)
                                   AND (delisted_on IS NULL OR delisted_on > ?)) l
                          LEFT JOIN market.companies co ON co.corp_code = l.corp_code
                         WHERE co.corp_code IS NULL OR co.updated_at < ?
                         ORDER BY co.updated_at NULLS FIRST, l.corp_code
                         LIMIT ?""")) {
            st.setDate(1, Date.valueOf(today));
            st.setDate(2, Date.valueOf(today));
            st.setTimestamp(3, Timestamp.from(staleBefore));
            st.setInt(4, limit);
            List<String> due = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    due.add(rs.getString(1));
                }
            }
            return due;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot select the companies to refresh", e);
        }
    }
}
