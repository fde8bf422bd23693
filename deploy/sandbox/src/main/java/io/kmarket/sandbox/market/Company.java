package io.kmarket.sandbox.market;

import java.time.LocalDate;

/**
 * A company known to OpenDART: every listed common stock's issuer plus unlisted filers.
 *
 * @param listing the common stock of a listed company, null for unlisted ones
 */
public record Company(String corpCode, String name, String englishName, Listing listing, String ceo,
        String jurirNo, String bizrNo, String address, String homepage, String phone, String fax,
        String industryCode, LocalDate established, String accountingMonth, LocalDate modified) {

    public String stockCode() {
        return listing == null ? "" : listing.code();
    }

    /** {@code corp_cls} on a given day: the market while listed, {@code E} (other) otherwise. */
    public String corpClass(LocalDate date) {
        return listing != null && listing.listedOn(date) ? listing.market().dartClass() : "E";
    }
}
