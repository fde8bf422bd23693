package io.kmarket.scheduler.job.engine;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

/** When a job is due, computed from a given instant so that catch-up and tests can ask about any moment. */
sealed interface FireSchedule {

    /** The first fire time strictly after {@code after}, in after's zone. */
    Optional<ZonedDateTime> next(ZonedDateTime after);

    String describe();

    /** Quartz syntax, the one quarkus-scheduler's {@code @Scheduled(cron)} reads, parsed by the same cron-utils. */
    static FireSchedule cron(String expression) {
        CronParser parser = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));
        return new Cron(expression, ExecutionTime.forCron(parser.parse(expression)));
    }

    static FireSchedule interval(Duration every, LocalTime from, LocalTime to) {
        if (every.isZero() || every.isNegative()) {
            throw new IllegalArgumentException("interval must be positive: " + every);
        }
        return new Interval(every, from, to);
    }

    record Cron(String expression, ExecutionTime executionTime) implements FireSchedule {

        @Override
        public Optional<ZonedDateTime> next(ZonedDateTime after) {
            return executionTime.nextExecution(after);
        }

        @Override
        public String describe() {
            return "cron " + expression;
        }
    }

    /** Every {@code every} from {@code from} to {@code to} (inclusive) each day. */
    record Interval(Duration every, LocalTime from, LocalTime to) implements FireSchedule {

        @Override
        public Optional<ZonedDateTime> next(ZonedDateTime after) {
            for (ZonedDateTime day = after.truncatedTo(ChronoUnit.DAYS); ; day = day.plusDays(1)) {
                ZonedDateTime start = day.with(from);
                ZonedDateTime end = day.with(to);
                if (after.isBefore(start)) {
                    return Optional.of(start);
                }
                if (after.isBefore(end)) {
                    long steps = Duration.between(start, after).dividedBy(every) + 1;
                    ZonedDateTime candidate = start.plus(every.multipliedBy(steps));
                    if (!candidate.isAfter(end)) {
                        return Optional.of(candidate);
                    }
                }
            }
        }

        @Override
        public String describe() {
            return "every " + every + " " + from + "-" + to;
        }
    }
}
