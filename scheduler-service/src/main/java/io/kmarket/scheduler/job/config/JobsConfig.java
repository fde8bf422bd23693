package io.kmarket.scheduler.job.config;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.kmarket.kit.time.MarketTime;
import io.kmarket.scheduler.job.JobNames;
import io.kmarket.scheduler.job.heal.Healing;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The jobs framework: schedules, policies and leader election (prefix kmarket.jobs, env KMARKET_JOBS_...). */
@ConfigMapping(prefix = "kmarket.jobs")
public interface JobsConfig {

    /**
     * Zone in which cron expressions, windows and logical dates are read: the market's. A setting only so that a
     * schedule can be tried in another zone; application.properties repeats the default as text because a properties
     * file cannot name a Java constant.
     */
    @WithDefault(MarketTime.ZONE_ID)
    ZoneId zone();

    /** How often the leader evaluates schedules, timeouts and dependents. */
    @WithDefault("5s")
    String tick();

    /** Upper bound on the catch-up runs one job may start after downtime (no storm). */
    @WithDefault("10")
    int catchUpMaxRuns();

    /** A fire time older than this when seen is "missed" and handled by the catch-up policy. */
    @WithDefault("PT2M")
    Duration lateness();

    /** How far back dependents look for upstream successes they have not followed yet. */
    @WithDefault("P7D")
    Period dependencyWindow();

    /**
     * Jobs whose result for a date rolls forward from their own result for the previous trading day (indicators:
     * the EMA, MACD and RSI state). When an upstream's data for an older date changes after later dates were
     * computed (a healed failure, a repaired gap, a manual re-run), those later dates are computed again.
     */
    @WithDefault(JobNames.INDICATORS)
    List<String> rollForwardJobs();

    /** Slack-compatible incoming webhook for failures and skips; unset = no notifications. */
    Optional<String> webhookUrl();

    /** Stock codes whose intraday quotes the quotes job collects. */
    @WithDefault("005930,000660,035420")
    List<String> quotesWatchlist();

    Leader leader();

    FirstStart firstStart();

    Ml ml();

    Healing healing();

    /** The job catalogue, by job name. */
    Map<String, Job> job();

    interface Job {

        @WithDefault("true")
        boolean enabled();

        /** Quartz cron (seconds first), read in {@link #zone()}. */
        Optional<String> cron();

        /** Fixed interval, anchored at the start of {@link #between()} (or midnight). */
        Optional<Duration> every();

        /** Daily window for interval jobs, HH:mm-HH:mm inclusive. */
        Optional<String> between();

        /** Upstream jobs: this job runs for a logical date once all of them succeeded for it. */
        Optional<List<String>> after();

        @WithDefault("trading-days")
        CalendarKind calendar();

        @WithDefault("PT30M")
        Duration timeout();

        @WithDefault("3")
        int maxAttempts();

        @WithDefault("PT30S")
        Duration backoff();

        @WithDefault("2.0")
        double backoffMultiplier();

        @WithDefault("last")
        CatchUpPolicy catchUp();

        /**
         * False: a backfill with dependents leaves this dependent out instead of waiting for it (a whole-market
         * cross-check of today may hold the job for most of an hour and has nothing to say about old dates).
         */
        @WithDefault("true")
        boolean inBackfills();
    }

    enum CalendarKind {
        TRADING_DAYS, EVERY_DAY
    }

    enum CatchUpPolicy {
        /** Only the latest missed fire time. */
        LAST,
        /** Each missed logical date, oldest first, at most catch-up-max-runs. */
        ALL,
        /** Missed fire times are dropped. */
        NONE
    }

    interface Leader {

        /** Off only where a single instance is guaranteed (the lock is what makes a second instance safe). */
        @WithDefault("true")
        boolean enabled();

        /** The pg advisory lock key shared by every scheduler instance of one deployment. */
        @WithDefault("4242001")
        long lockKey();

        /** How often the leader confirms its lock and a standby tries to take it. */
        @WithDefault("PT2S")
        Duration heartbeat();

        /**
         * The server ends the lock session after this much silence, so a leader cut off from the database
         * releases the lock even though it cannot say so itself.
         */
        @WithDefault("PT8S")
        Duration sessionTimeout();
    }

    interface FirstStart {

        /** With an empty database, backfill these jobs over the window (jobs without an action are left out). */
        @WithDefault("false")
        boolean enabled();

        @WithDefault("P1Y")
        Period window();

        @WithDefault(JobNames.DAILY_COLLECTION + "," + JobNames.DISCLOSURES)
        List<String> jobs();

        /**
         * Jobs whose source answers a snapshot of today rather than a day of history (e.g. listings): run once, for
         * the end of the window, before the history backfills.
         */
        @WithDefault(JobNames.LISTINGS + "," + JobNames.CORP_CODES)
        List<String> snapshotJobs();

        /**
         * Jobs run once, in order, for the window's last trading day after the history backfills: training on that
         * history, then the predictions no earlier day could have (there was no model yet).
         */
        @WithDefault(JobNames.MODEL_TRAINING + "," + JobNames.PREDICTIONS)
        List<String> finalJobs();

        /**
         * Fill the history jobs newest day first, so the latest market is visible within a minute; their dependents
         * then run oldest first once the history is in (indicators roll forward from the previous day).
         */
        @WithDefault("true")
        boolean newestFirst();

        /** Fixed end of the window (default: the day before today). */
        Optional<LocalDate> until();
    }

    /** Retrying failed or incomplete dates until they succeed (kmarket.jobs.healing, env KMARKET_JOBS_HEALING_...). */
    interface Healing {

        @WithDefault("true")
        boolean enabled();

        /**
         * Jobs whose dates are healed: those that fill one trading date's data. Intraday or snapshot jobs (quotes,
         * listings, corp codes) are left out: re-running them later does not bring back the past.
         */
        @WithDefault(JobNames.DAILY_COLLECTION + "," + JobNames.DISCLOSURES + "," + JobNames.INDICATORS + ","
                + JobNames.PREDICTIONS + "," + JobNames.EVALUATION)
        List<String> jobs();

        /** Wait before the first retry of a failed date; each further failure multiplies it, up to max-delay. */
        @WithDefault("PT2M")
        Duration firstDelay();

        @WithDefault("2.0")
        double multiplier();

        @WithDefault("PT1H")
        Duration maxDelay();

        /** Retries started per tick at most, newest dates first (no storm after a long outage). */
        @WithDefault("4")
        int maxPerTick();
    }

    interface Ml {

        /** How often an ml job polls the run it started. */
        @WithDefault("PT2S")
        Duration pollInterval();
    }
}
