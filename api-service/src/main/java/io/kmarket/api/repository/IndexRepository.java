package io.kmarket.api.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.kit.jdbc.Jdbc;
import io.kmarket.api.rest.IndexView;

@ApplicationScoped
public class IndexRepository {

    private static final String ALL = """
            SELECT code, name_ko, name_en, market, base_date, base_value FROM market.indices ORDER BY code""";

    private static final String EXISTS = "SELECT 1 FROM market.indices WHERE code = ?";

    private final Jdbc jdbc;

    IndexRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<IndexView> all() {
        return jdbc.query(ALL, row -> new IndexView(row.getString("code"), row.getString("name_ko"), row.getString("name_en"),
                row.getString("market"), Jdbc.date(row, "base_date"), row.getBigDecimal("base_value")));
    }

    public boolean exists(String code) {
        return jdbc.first(EXISTS, row -> true, code).isPresent();
    }
}
