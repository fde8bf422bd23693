package io.kmarket.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedHashMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.kmarket.sandbox.config.SandboxConfig;
import io.kmarket.sandbox.market.Market;
import io.kmarket.sandbox.market.SandboxClock;
import io.kmarket.sandbox.source.dart.CorpCodeArchive;
import io.kmarket.sandbox.source.krx.KrxDatasets;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Two independently built sandboxes with the same seed answer byte for byte the same; another seed does not. */
class DeterminismTest {

    private static Market market(long seed) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(SandboxConfig.class)
                .withSources(new PropertiesConfigSource(Map.ofEntries(
                        Map.entry("kmarket.sandbox.seed", String.valueOf(seed)),
                        Map.entry("kmarket.sandbox.stocks", "2800"),
                        Map.entry("kmarket.sandbox.first-day", "2014-01-01"),
                        Map.entry("kmarket.sandbox.clock.frozen-at", "2026-01-23T09:00:00Z"),
                        Map.entry("kmarket.sandbox.krx.requests-per-second", "5"),
                        Map.entry("kmarket.sandbox.krx.block-duration", "PT1M"),
                        Map.entry("kmarket.sandbox.krx.session-ttl", "PT1H"),
                        Map.entry("kmarket.sandbox.dart.daily-quota", "20000"),
                        Map.entry("kmarket.sandbox.dart.requests-per-minute", "1000"),
                        Map.entry("kmarket.sandbox.dart.block-duration", "PT1M"),
                        Map.entry("kmarket.sandbox.kis.requests-per-second", "20"),
                        Map.entry("kmarket.sandbox.chaos-timeout-hold", "PT30S")), "determinism", 100))
                .build();
        SandboxConfig mapping = config.getConfigMapping(SandboxConfig.class);
        return new Market(mapping, new SandboxClock(mapping, Clock.systemUTC()));
    }

    private static String krx(Market market, Map<String, String> form) throws Exception {
        MultivaluedHashMap<String, String> params = new MultivaluedHashMap<>();
        form.forEach(params::add);
        return new ObjectMapper().writeValueAsString(new KrxDatasets(market).answer(form.get("bld"), params));
    }

    @Test
    void sameSeedGivesIdenticalAnswersAcrossInstances() throws Exception {
        Market first = market(42);
        Market second = market(42);
        Market other = market(43);
        Map<String, String> allStocks = Map.of("bld", "dbms/MDC/STAT/standard/MDCSTAT01501", "mktId", "ALL",
                "trdDd", "20250314");
        Map<String, String> index = Map.of("bld", "dbms/MDC/STAT/standard/MDCSTAT00301", "indIdx", "2",
                "indIdx2", "203", "strtDd", "20240101", "endDd", "20251231");
        assertThat(krx(second, allStocks)).isEqualTo(krx(first, allStocks)).isNotEqualTo(krx(other, allStocks));
        assertThat(krx(second, index)).isEqualTo(krx(first, index));
        assertThat(new CorpCodeArchive(second).zip()).isEqualTo(new CorpCodeArchive(first).zip())
                .isNotEqualTo(new CorpCodeArchive(other).zip());
    }
}
