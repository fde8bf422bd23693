package io.kmarket.api.indices.store;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.api.indices.rest.IndexPrice;
import io.kmarket.api.indices.rest.IndexView;
import io.kmarket.kit.jdbc.Jdbc;

/** Market indices and their daily values (ordered range scans of the (index_code, trade_date) primary key). */
@ApplicationScoped
public class IndexStore {

    private static final String ALL = """
            SELECT code, name_ko, name_en, market, base_date, base_value FROM market.indices ORDER BY code""";

    private static final String EXISTS = "SELECT 1 FROM market.indices WHERE code = ?";

    private static final String PRICES = """
            SELECT trade_date, open, high, low, close, volume, trading_value FROM market.index_prices
             WHERE index_code = ? AND trade_date BETWEEN ? AND ? ORDER BY trade_date""";

    private final Jdbc jdbc;

    IndexStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<IndexView> all() {
        return jdbc.query(ALL, row -> new IndexView(row.getString("code"), row.getString("name_ko"), row.getString("name_en"),
                row.getString("market"), Jdbc.date(row, "base_date"), row.getBigDecimal("base_value")));
    }

    public boolean exists(String code) {
        return jdbc.first(EXISTS, row -> true, code).isPresent();
    }

    public List<IndexPrice> prices(String code, LocalDate from, LocalDate to) {
        return jdbc.query(PRICES, row -> new IndexPrice(Jdbc.date(row, "trade_date"), row.getBigDecimal("open"),
                row.getBigDecimal("high"),
                row.getBigDecimal("low"), row.getBigDecimal("close"), row.getLong("volume"),
                row.getBigDecimal("trading_value")), code, from, to);
    }
}
