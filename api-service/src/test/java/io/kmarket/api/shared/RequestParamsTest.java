package io.kmarket.api.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import io.kmarket.api.shared.RequestParams.DateRange;

/**
 * Each parameter's accepted forms, and each refused form answered by the error that names the parameter (the
 * resources turn it into a 400 problem naming it, ValidationTest covers that over HTTP).
 */
class RequestParamsTest {

    /** The Korean day the ranges without {@code to} end on. */
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 14);

    @Test
    void aStockCodeIsSixDigitsOrCapitalLetters() {
        assertThat(RequestParams.stockCode("code", "005930")).isEqualTo("005930");
        assertThat(RequestParams.stockCode("code", "0000J0")).isEqualTo("0000J0");
        refused(() -> RequestParams.stockCode("code", null), "code", "is required");
        refused(() -> RequestParams.stockCode("code", ""), "code", "is required");
        for (String bad : new String[] {"00593", "0059300", "00593a", "00 593", "００５９３０", "005930\n"}) {
            refused(() -> RequestParams.stockCode("code", bad), "code", "must be 6 characters");
        }
    }

    @Test
    void anOptionalStockCodeMayBeAbsentButNotMalformedAndKeepsItsParameterName() {
        assertThat(RequestParams.optionalStockCode("vs", null)).isNull();
        assertThat(RequestParams.optionalStockCode("vs", "000660")).isEqualTo("000660");
        refused(() -> RequestParams.optionalStockCode("vs", "SAMSUNG"), "vs", "must be 6 characters");
    }

    @Test
    void anIndexCodeIsFourDigitsOrCapitalLetters() {
        assertThat(RequestParams.indexCode("1001")).isEqualTo("1001");
        for (String bad : new String[] {null, "", "100", "10011", "100a", "KOSPI"}) {
            refused(() -> RequestParams.indexCode(bad), "code", "must be 4 characters");
        }
    }

    @Test
    void aMarketIsOneOfTheThreeBoardsOrAbsent() {
        assertThat(RequestParams.market(null)).isNull();
        assertThat(RequestParams.market("STK")).isEqualTo("STK");
        assertThat(RequestParams.market("KSQ")).isEqualTo("KSQ");
        assertThat(RequestParams.market("KNX")).isEqualTo("KNX");
        for (String bad : new String[] {"", "stk", "KOSPI", "STK "}) {
            refused(() -> RequestParams.market(bad), "market", "must be one of STK");
        }
    }

    @Test
    void searchTextIsTrimmedAndBlankMeansNoSearch() {
        assertThat(RequestParams.searchText(null)).isNull();
        assertThat(RequestParams.searchText(" \t ")).isNull();
        assertThat(RequestParams.searchText("  삼성 전자 ")).isEqualTo("삼성 전자");
        assertThat(RequestParams.searchText(" " + "가".repeat(100) + " ")).isEqualTo("가".repeat(100));
    }

    @Test
    void searchTextOverAHundredCharactersOrWithControlCharactersIsRefused() {
        refused(() -> RequestParams.searchText("a".repeat(101)), "q", "at most 100 characters");
        refused(() -> RequestParams.searchText("sam\u0000sung"), "q", "control characters");
        refused(() -> RequestParams.searchText("sam\tsung"), "q", "control characters");
    }

    @Test
    void aLimitIsAnAsciiIntegerFromOneToAThousandAndDefaultsWhenAbsent() {
        assertThat(RequestParams.limit(null, 50)).isEqualTo(50);
        assertThat(RequestParams.limit("1", 50)).isEqualTo(1);
        assertThat(RequestParams.limit("1000", 50)).isEqualTo(1000);
        assertThat(RequestParams.limit("0007", 50)).isEqualTo(7);
        for (String bad : new String[] {"", "0", "1001", "9999", "10000", "-1", "+5", "1.5", "abc", "１００"}) {
            refused(() -> RequestParams.limit(bad, 50), "limit", "from 1 to 1000");
        }
    }

    @Test
    void aReportIdIsAUuidInItsCanonicalForm() {
        UUID id = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
        assertThat(RequestParams.reportId("0f8fad5b-d9cb-469f-a165-70867728950e")).isEqualTo(id);
        assertThat(RequestParams.reportId("0F8FAD5B-D9CB-469F-A165-70867728950E")).isEqualTo(id);
        // UUID.fromString alone would take "1-1-1-1-1"; the shorter and unseparated forms are refused too.
        for (String bad : new String[] {null, "", "nope", "1-1-1-1-1", "0f8fad5bd9cb469fa16570867728950e",
                "0f8fad5b-d9cb-469f-a165-70867728950", "0f8fad5b-d9cb-469f-a165-70867728950g"}) {
            refused(() -> RequestParams.reportId(bad), "id", "a UUID");
        }
    }

    @Test
    void aDateIsAnIsoDateFrom1900To2999OrAbsent() {
        assertThat(RequestParams.date("from", null)).isNull();
        assertThat(RequestParams.date("from", "1900-01-01")).isEqualTo(LocalDate.of(1900, 1, 1));
        assertThat(RequestParams.date("from", "2999-12-31")).isEqualTo(LocalDate.of(2999, 12, 31));
        assertThat(RequestParams.date("from", "2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        for (String bad : new String[] {"", "2023-02-29", "2024-13-01", "2024/01/02", "20240102", "1899-12-31",
                "3000-01-01", "+12024-01-01", "2024-01-02T00:00"}) {
            refused(() -> RequestParams.date("to", bad), "to", "ISO date (YYYY-MM-DD) between 1900 and 2999");
        }
    }

    @Test
    void aRangeDefaultsFromToTheSpanBeforeTo() {
        assertThat(RequestParams.range(null, "2024-03-31", TODAY, ChronoUnit.MONTHS, 3, 400))
                .isEqualTo(new DateRange(LocalDate.of(2023, 12, 31), LocalDate.of(2024, 3, 31)));
        assertThat(RequestParams.range(null, "2024-03-31", TODAY, ChronoUnit.DAYS, 10, 400))
                .isEqualTo(new DateRange(LocalDate.of(2024, 3, 21), LocalDate.of(2024, 3, 31)));
        assertThat(RequestParams.range("2024-01-05", "2024-01-05", TODAY, ChronoUnit.DAYS, 10, 400))
                .isEqualTo(new DateRange(LocalDate.of(2024, 1, 5), LocalDate.of(2024, 1, 5)));
    }

    @Test
    void aRangeWithoutToEndsTodayOrOnFromWhenFromIsLater() {
        assertThat(RequestParams.range("2999-06-01", null, TODAY, ChronoUnit.DAYS, 10, 400))
                .isEqualTo(new DateRange(LocalDate.of(2999, 6, 1), LocalDate.of(2999, 6, 1)));
        assertThat(RequestParams.range("2024-05-01", null, TODAY, ChronoUnit.DAYS, 10, 400))
                .isEqualTo(new DateRange(LocalDate.of(2024, 5, 1), TODAY));
    }

    @Test
    void aRangeMaySpanAtMostTheMaximumAndFromMustNotBeAfterTo() {
        assertThat(RequestParams.range("2023-01-01", "2024-01-01", TODAY, ChronoUnit.DAYS, 10, 365))
                .isEqualTo(new DateRange(LocalDate.of(2023, 1, 1), LocalDate.of(2024, 1, 1)));
        refused(() -> RequestParams.range("2023-01-01", "2024-01-02", TODAY, ChronoUnit.DAYS, 10, 365), "to",
                "at most 365 days");
        refused(() -> RequestParams.range(null, "2024-01-01", TODAY, ChronoUnit.YEARS, 2, 365), "to", "at most 365 days");
        refused(() -> RequestParams.range("2024-01-02", "2024-01-01", TODAY, ChronoUnit.DAYS, 10, 365), "from",
                "must not be after to (2024-01-01)");
    }

    @Test
    void aMalformedDateOfARangeNamesItsEnd() {
        refused(() -> RequestParams.range("yesterday", "2024-01-01", TODAY, ChronoUnit.DAYS, 10, 365), "from", "ISO date");
        refused(() -> RequestParams.range("2024-01-01", "2024-02-30", TODAY, ChronoUnit.DAYS, 10, 365), "to", "ISO date");
    }

    /** The call fails with the error of the named parameter, its message saying what the parameter must be. */
    private static void refused(ThrowingCallable call, String parameter, String detail) {
        assertThatThrownBy(call).isInstanceOf(RuntimeException.class)
                .hasMessageContaining(detail)
                .extracting("parameter").isEqualTo(parameter);
    }
}
