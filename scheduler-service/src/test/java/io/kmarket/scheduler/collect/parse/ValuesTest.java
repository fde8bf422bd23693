package io.kmarket.scheduler.collect.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The field formats of the sources, as they appear in the recorded answers. */
class ValuesTest {

    @Test
    void thousandsSeparatorsSignsAndDecimals() {
        assertThat(Values.whole("v", "2,975,231,937,664")).isEqualTo(2_975_231_937_664L);
        assertThat(Values.whole("v", "-4,000")).isEqualTo(-4_000L);
        assertThat(Values.decimal("v", "3,140.63")).isEqualByComparingTo(new BigDecimal("3140.63"));
        assertThat(Values.decimal("v", "+531,697")).isEqualByComparingTo(new BigDecimal("531697"));
    }

    @Test
    void placeholdersAreMissingValuesNotZeros() {
        assertThat(Values.whole("v", "-")).isNull();
        assertThat(Values.whole("v", "")).isNull();
        assertThat(Values.decimal("v", " - ")).isNull();
        assertThatThrownBy(() -> Values.requiredWhole("TDD_CLSPRC", "-")).isInstanceOf(RowException.class)
                .hasMessage("TDD_CLSPRC is missing");
    }

    @Test
    void garbageIsRejectedWithTheFieldName() {
        assertThatThrownBy(() -> Values.whole("ACC_TRDVOL", "12a")).isInstanceOf(RowException.class)
                .hasMessage("ACC_TRDVOL is not a number: '12a'");
        assertThatThrownBy(() -> Values.whole("LIST_SHRS", "1.5")).isInstanceOf(RowException.class);
        assertThatThrownBy(() -> Values.nonNegative("TDD_OPNPRC", "-1")).isInstanceOf(RowException.class);
    }

    @Test
    void theSourcesDateLayouts() {
        assertThat(Values.slashedDate("TRD_DD", "2021/01/29")).isEqualTo(LocalDate.of(2021, 1, 29));
        assertThat(Values.dottedDate("BAS_TM_CONTN", "1980.01.04")).isEqualTo(LocalDate.of(1980, 1, 4));
        assertThat(Values.compactDate("rcept_dt", "20230208")).isEqualTo(LocalDate.of(2023, 2, 8));
        assertThat(Values.isoDate("date", "2024-12-27 00:00:00")).isEqualTo(LocalDate.of(2024, 12, 27));
        assertThatThrownBy(() -> Values.compactDate("rcept_dt", "2023-02-08")).isInstanceOf(RowException.class);
    }

    @Test
    void stockCodesMayHaveLettersButAreSixCharacters() {
        assertThat(Values.stockCode("code", "00104K")).isEqualTo("00104K");
        assertThat(Values.stockCode("code", "0096B0")).isEqualTo("0096B0");
        assertThat(Values.optionalStockCode("stock_code", " ")).isNull();
        assertThatThrownBy(() -> Values.stockCode("code", "06031012")).isInstanceOf(RowException.class);
        assertThatThrownBy(() -> Values.corpCode("corp_code", "126380")).isInstanceOf(RowException.class);
        assertThat(Values.corpCode("corp_code", "00126380")).isEqualTo("00126380");
    }
}
