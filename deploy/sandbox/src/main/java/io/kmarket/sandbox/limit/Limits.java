package io.kmarket.sandbox.limit;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.sandbox.config.SandboxConfig;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The rate limits in force: configured at start, changeable at runtime through POST /sandbox/limits. */
@ApplicationScoped
public class Limits {

    /** Every field nullable: a POST changes only the limits it names. */
    @RegisterForReflection
    public record Settings(Integer krxRequestsPerSecond, Integer dartDailyQuota, Integer dartRequestsPerMinute,
            Integer dartRequestsPerSecond, Integer kisRequestsPerSecond, Integer naverRequestsPerSecond,
            Integer daumRequestsPerSecond) {

        Settings merge(Settings change) {
            return new Settings(pick(change.krxRequestsPerSecond, krxRequestsPerSecond),
                    pick(change.dartDailyQuota, dartDailyQuota),
                    pick(change.dartRequestsPerMinute, dartRequestsPerMinute),
                    pick(change.dartRequestsPerSecond, dartRequestsPerSecond),
                    pick(change.kisRequestsPerSecond, kisRequestsPerSecond),
                    pick(change.naverRequestsPerSecond, naverRequestsPerSecond),
                    pick(change.daumRequestsPerSecond, daumRequestsPerSecond));
        }

        private static Integer pick(Integer changed, Integer current) {
            return changed != null ? changed : current;
        }
    }

    private final Settings configured;
    private volatile Settings current;

    public Limits(SandboxConfig config) {
        configured = new Settings(config.krx().requestsPerSecond(), config.dart().dailyQuota(),
                config.dart().requestsPerMinute(), config.dart().requestsPerSecond(), config.kis().requestsPerSecond(),
                config.requestsPerSecond().getOrDefault("naver", 20), config.requestsPerSecond().getOrDefault("daum", 10));
        current = configured;
    }

    public Settings current() {
        return current;
    }

    public Settings change(Settings change) {
        current = current.merge(change);
        return current;
    }

    public void reset() {
        current = configured;
    }
}
