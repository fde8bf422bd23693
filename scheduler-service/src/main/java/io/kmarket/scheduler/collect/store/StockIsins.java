package io.kmarket.scheduler.collect.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/** The ISINs market.stocks already knows, so a fetcher asks the upstream only for those it does not. */
@ApplicationScoped
public class StockIsins {

    private final AgroalDataSource dataSource;

    StockIsins(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<String> of(String code) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT isin FROM market.stocks WHERE code = ? AND isin IS NOT NULL")) {
            statement.setString(1, code);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the ISIN of " + code, e);
        }
    }
}
