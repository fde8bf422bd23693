package io.kmarket.scheduler.collect.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.kit.jdbc.Jdbc;

/** Which listed companies need their company.json record (market.companies) fetched. */
@ApplicationScoped
public class CompanyRefreshes {

    private final Jdbc jdbc;

    CompanyRefreshes(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The corp_codes of companies listed on {@code today} (market.stocks, preferred shares folded into their
     * company) without a record or with one updated before {@code staleBefore}: missing ones (new listings)
     * first, then the oldest, at most {@code limit}.
     */
    public List<String> due(LocalDate today, Instant staleBefore, int limit) {
        return jdbc.query("""
                SELECT l.corp_code
                  FROM (SELECT DISTINCT corp_code FROM market.stocks
                         WHERE corp_code IS NOT NULL AND (listed_on IS NULL OR listed_on <= ?)
                           AND (delisted_on IS NULL OR delisted_on > ?)) l
                  LEFT JOIN market.companies co ON co.corp_code = l.corp_code
                 WHERE co.corp_code IS NULL OR co.updated_at < ?
                 ORDER BY co.updated_at NULLS FIRST, l.corp_code
                 LIMIT ?""",
                row -> row.getString(1), today, today, staleBefore, limit);
    }
}
