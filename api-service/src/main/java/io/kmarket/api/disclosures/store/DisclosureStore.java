package io.kmarket.api.disclosures.store;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.api.disclosures.rest.DisclosureView;
import io.kmarket.kit.jdbc.Jdbc;

/** Filings newest first; pages continue strictly after the (receipt_date, rcept_no) of the last row. */
@ApplicationScoped
public class DisclosureStore {

    private static final String VIEWER = "https://dart.fss.or.kr/dsaf001/main.do?rcpNo=";

    private static final String PAGE = """
            SELECT rcept_no, corp_code, corp_name, corp_cls, stock_code, report_name, filer_name, receipt_date, remarks
              FROM market.disclosures
             WHERE (?::text IS NULL OR stock_code = ?)
               AND receipt_date BETWEEN ? AND ?
               AND (?::date IS NULL OR (receipt_date, rcept_no) < (?, ?))
             ORDER BY receipt_date DESC, rcept_no DESC
             LIMIT ?""";

    private final Jdbc jdbc;

    DisclosureStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<DisclosureView> page(String stockCode, LocalDate from, LocalDate to, LocalDate afterDate,
            String afterRceptNo, int limit) {
        return jdbc.query(PAGE, row -> new DisclosureView(row.getString("rcept_no"), row.getString("corp_code"), row.getString("corp_name"),
                row.getString("corp_cls"), row.getString("stock_code"), row.getString("report_name"),
                row.getString("filer_name"), Jdbc.date(row, "receipt_date"), row.getString("remarks"),
                VIEWER + row.getString("rcept_no")), stockCode, stockCode, from, to, afterDate, afterDate, afterRceptNo,
                limit);
    }
}
