package io.kmarket.sandbox.config;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every knob of the sandbox (application.properties documents the environment variables). */
@ConfigMapping(prefix = "kmarket.sandbox")
public interface SandboxConfig {

    /** Same seed (and same day) => byte-identical answers. */
    long seed();

    /** Number of listed issues across KOSPI, KOSDAQ and KONEX. */
    int stocks();

    /** First simulated day; history runs from here to today. */
    LocalDate firstDay();

    Clock clock();

    Krx krx();

    Dart dart();

    Kis kis();

    /** Requests per second per client for sources without a published limit (naver, daum). */
    Map<String, Integer> requestsPerSecond();

    /** Chaos spec per source at start, e.g. {@code latency=200ms,jitter=50ms,error=0.05,timeout=0.01}. */
    ChaosSpecs chaos();

    /** How long a chaos "timeout" holds the request before dropping the connection without an answer. */
    Duration chaosTimeoutHold();

    interface ChaosSpecs {
        Optional<String> krx();

        Optional<String> dart();

        Optional<String> naver();

        Optional<String> kis();

        Optional<String> daum();

        default Optional<String> of(String source) {
            return switch (source) {
                case "krx" -> krx();
                case "dart" -> dart();
                case "naver" -> naver();
                case "kis" -> kis();
                case "daum" -> daum();
                default -> Optional.empty();
            };
        }
    }

    interface Clock {
        /** When set, sandbox time stands still at this instant and only moves through POST /sandbox/clock. */
        Optional<Instant> frozenAt();
    }

    interface Krx {
        /** {@code id:password} pairs; when empty any non-blank id and password log in. */
        Optional<List<String>> accounts();

        Duration sessionTtl();

        int requestsPerSecond();

        /** How long an IP stays blocked after exceeding the rate (1 day at the real site). */
        Duration blockDuration();
    }

    interface Dart {
        /** Accepted {@code crtfc_key}s; when empty any 40-character key is accepted. */
        Optional<List<String>> keys();

        int dailyQuota();

        int requestsPerMinute();

        /**
         * Requests per second per client IP, answered HTTP 429 beyond it. OpenDART publishes none; this emulates
         * a gateway stricter than the per-minute rate, so a collector's pacing within a second can be judged.
         * Defaults to a value that never binds before the minute's, also for configs built without the properties.
         */
        @WithDefault("1000")
        int requestsPerSecond();

        /** How long a key stays blocked after exceeding the per-minute rate (24 h at the real site). */
        Duration blockDuration();
    }

    interface Kis {
        /** Accepted app keys; when empty any non-blank app key and secret get a token. */
        Optional<List<String>> appKeys();

        int requestsPerSecond();

        @WithDefault("PT1M")
        Duration tokenIssueInterval();

        @WithDefault("PT6H")
        Duration tokenReuseWindow();

        @WithDefault("PT24H")
        Duration tokenTtl();
    }
}
