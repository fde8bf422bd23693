package io.kmarket.scheduler.collect.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where each source lives and the credentials it needs (env KMARKET_SOURCES_...). */
@ConfigMapping(prefix = "kmarket.sources")
public interface SourcesConfig {

    Krx krx();

    Dart dart();

    Source naver();

    Kis kis();

    Source daum();

    interface Source {
        String baseUrl();

        /** Keep each answer's raw body in ops.raw_payloads (for audits), deleted after {@link #rawRetention()}. */
        @WithDefault("false")
        boolean keepRaw();

        @WithDefault("P7D")
        Duration rawRetention();
    }

    interface Krx extends Source {
        Optional<String> username();

        Optional<String> password();
    }

    interface Dart extends Source {
        Optional<List<String>> apiKeys();

        /** Requests a key may make per day before it is rested until the next day (KST). */
        @WithDefault("20000")
        int dailyQuota();

        /** Pages fetched at once when paginating list.json. */
        @WithDefault("4")
        int pageWindow();

        /** Incremental mode starts this many days before the last successful watermark. */
        @WithDefault("3")
        int watermarkMarginDays();

        /** A listed company's company.json record is fetched again once it is this old. */
        @WithDefault("P7D")
        Duration companyRefresh();

        /** At most this many company.json requests per companies run (new listings first), within the daily quota. */
        @WithDefault("1000")
        int companiesPerRun();
    }

    interface Kis extends Source {
        Optional<String> appKey();

        Optional<String> appSecret();
    }
}
