package io.kmarket.sandbox.market;

import java.time.LocalDate;

/** One filing as OpenDART lists it. */
public record Disclosure(String rceptNo, Company company, String corpClass, String reportName, String filer,
        LocalDate receiptDate, String remark, String type) {
}
