package io.kmarket.api.stocks.store;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.api.stocks.rest.StockHistory;
import io.kmarket.kit.jdbc.Jdbc;

/** Reads market.stock_master_history: the names, markets and ISINs a stock had, with the days they were seen. */
@ApplicationScoped
public class StockHistoryStore {

    // A period stands until the next one was first seen; the last one until the stock was seen delisted, or on.
    private static final String PERIODS = """
            SELECT h.valid_from, h.valid_to AS last_seen, h.name_ko, h.market, h.isin,
                   COALESCE(LEAD(h.valid_from) OVER w - 1,
                            CASE WHEN s.delisted_on IS NOT NULL THEN GREATEST(h.valid_to, s.delisted_on - 1) END)
                       AS valid_to
              FROM market.stock_master_history h JOIN market.stocks s ON s.code = h.code
             WHERE h.code = ?
            WINDOW w AS (ORDER BY h.valid_from)
             ORDER BY h.valid_from""";

    private final Jdbc jdbc;

    StockHistoryStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<StockHistory.Period> periods(String code) {
        return jdbc.query(PERIODS, row -> new StockHistory.Period(
                Jdbc.date(row, "valid_from"), Jdbc.date(row, "valid_to"), Jdbc.date(row, "last_seen"),
                row.getString("name_ko"), row.getString("market"), row.getString("isin")), code);
    }
}
