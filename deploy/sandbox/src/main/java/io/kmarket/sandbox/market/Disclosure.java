package io.kmarket.sandbox.market;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One filing as OpenDART lists it. {@code acceptedAt} is when it was accepted (접수) on its receipt date: OpenDART
 * lists a filing only from that instant on, so a day's list keeps growing until late in the evening.
 */
public record Disclosure(String rceptNo, Company company, String corpClass, String reportName, String filer,
        LocalDate receiptDate, String remark, String type, Instant acceptedAt) {

    /** Whether OpenDART lists it at {@code now}. */
    public boolean acceptedBy(Instant now) {
        return !acceptedAt.isAfter(now);
    }
}
