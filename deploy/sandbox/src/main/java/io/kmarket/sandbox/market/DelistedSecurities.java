package io.kmarket.sandbox.market;

import java.time.LocalDate;
import java.util.List;

/**
 * The non-share rows of KRX's delisted list (finder_listdelisu): warrants (신주인수권증권, {@code WR}) and rights
 * certificates (신주인수권증서, {@code R}) with an 8-character short code (the share's code + a 2-digit series) and
 * an ISIN {@code KRA…}, and other non-stock securities with an ISIN {@code KR8…}. The real list holds thousands of
 * such rows next to the shares; these few reproduce each shape. {@code 3S R} is the recorded row verbatim; the
 * others are built the same way (valid ISO 6166 check digits) on issues of the simulated universe, with invented
 * names for the KR8 rows.
 */
public final class DelistedSecurities {

    /** What the row is; kmarket must leave all of these out of market.stocks. */
    public enum Kind {
        RIGHTS_CERTIFICATE, WARRANT, NON_STOCK
    }

    public record Security(String isin, String shortCode, String name, MarketId market, Kind kind,
            LocalDate delistDate) {
    }

    public static final List<Security> ALL = List.of(
            new Security("KRA060310125", "06031012", "3S R", MarketId.KSQ, Kind.RIGHTS_CERTIFICATE,
                    LocalDate.of(2015, 3, 2)),
            new Security(warrantIsin("08652011"), "08652011", "에코프로 1WR", MarketId.KSQ, Kind.WARRANT,
                    LocalDate.of(2016, 8, 1)),
            new Security(warrantIsin("02830031"), "02830031", "HLB 3WR", MarketId.KSQ, Kind.WARRANT,
                    LocalDate.of(2019, 11, 4)),
            new Security(nonStockIsin("900120"), "900120", "해외자원개발1호", MarketId.STK, Kind.NON_STOCK,
                    LocalDate.of(2018, 5, 14)),
            new Security(nonStockIsin("900230"), "900230", "인프라투융자2호", MarketId.STK, Kind.NON_STOCK,
                    LocalDate.of(2022, 2, 7)));

    private DelistedSecurities() {
    }

    static String warrantIsin(String shortCode) {
        String body = "KRA" + shortCode;
        return body + Isin.checkDigit(body);
    }

    static String nonStockIsin(String shortCode) {
        String body = "KR8" + shortCode + "00";
        return body + Isin.checkDigit(body);
    }
}
