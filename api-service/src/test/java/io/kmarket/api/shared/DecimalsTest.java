package io.kmarket.api.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

class DecimalsTest {

    @Test
    void integralValuesAreIntegersAndOthersTheShortestPlainDecimal() {
        assertThat(Decimals.plain(53000.0)).isEqualTo("53000");
        assertThat(Decimals.plain(50_000_050.0)).isEqualTo("50000050");
        assertThat(Decimals.plain(1200.74)).isEqualTo("1200.74");
        assertThat(Decimals.plain(0.2)).isEqualTo("0.2");
        assertThat(Decimals.plain(12_345_678.5)).isEqualTo("12345678.5");
        assertThat(Decimals.plain(0.000125)).isEqualTo("0.000125");
        assertThat(Decimals.plain(63424.619999999995)).isEqualTo("63424.619999999995");
        assertThat(Decimals.plain(1e16)).isEqualTo("10000000000000000");
    }

    @Test
    void jsonGetsTheSameDigits() throws Exception {
        double[] values = { 53000.0, 50_000_050.0, 1200.74, 0.2, 12_345_678.5, 0.000125, 63424.619999999995, 1e16 };
        StringWriter out = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.writeStartArray();
            for (double value : values) {
                Decimals.write(json, value);
            }
            json.writeEndArray();
        }
        assertThat(out.toString())
                .isEqualTo("[53000,50000050,1200.74,0.2,12345678.5,0.000125,63424.619999999995,10000000000000000]");
    }
}
