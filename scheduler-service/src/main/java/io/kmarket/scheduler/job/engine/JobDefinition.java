package io.kmarket.scheduler.job.engine;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.kmarket.scheduler.job.config.JobsConfig.CalendarKind;
import io.kmarket.scheduler.job.config.JobsConfig.CatchUpPolicy;

/** One job of the catalogue, as configured: its own schedule or the upstream jobs it follows, and its policies. */
public record JobDefinition(String name, Optional<FireSchedule> schedule, List<String> after, CalendarKind calendar,
        Duration timeout, RetryPolicy retry, CatchUpPolicy catchUp, boolean enabled, boolean inBackfills) {

    public record RetryPolicy(int maxAttempts, Duration backoff, double multiplier) {

        /** Delay before attempt {@code next} (2, 3, ...): backoff, then multiplied after each failure. */
        public Duration delayBefore(int next) {
            return Duration.ofMillis((long) (backoff.toMillis() * Math.pow(multiplier, Math.max(0, next - 2))));
        }
    }

    public boolean tradingDaysOnly() {
        return calendar == CalendarKind.TRADING_DAYS;
    }

    public String describeSchedule() {
        return schedule.map(FireSchedule::describe).orElse("after " + String.join(", ", after));
    }
}
