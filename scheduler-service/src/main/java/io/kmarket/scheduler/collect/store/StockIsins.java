package io.kmarket.scheduler.collect.store;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.kit.jdbc.Jdbc;

/** The ISINs market.stocks already knows, so a fetcher asks the upstream only for those it does not. */
@ApplicationScoped
public class StockIsins {

    private final Jdbc jdbc;

    StockIsins(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> of(String code) {
        return jdbc.first("SELECT isin FROM market.stocks WHERE code = ? AND isin IS NOT NULL",
                row -> row.getString(1), code);
    }
}
