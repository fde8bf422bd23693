package io.kmarket.scheduler.job.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.kmarket.scheduler.job.config.JobsConfig;
import io.kmarket.scheduler.job.config.JobsConfig.CalendarKind;
import io.kmarket.scheduler.job.config.JobsConfig.CatchUpPolicy;

/** The catalogue's checks at start, without Quarkus: each inconsistency stops it with a message naming the job. */
class JobCatalogTest {

    /** kmarket.jobs.job.&lt;name&gt; as SmallRye Config would map it, with the defaults of {@link JobsConfig.Job}. */
    private record Job(boolean enabled, Optional<String> cron, Optional<Duration> every, Optional<String> between,
            Optional<List<String>> after, CalendarKind calendar, Duration timeout, int maxAttempts, Duration backoff,
            double backoffMultiplier, CatchUpPolicy catchUp, boolean inBackfills) implements JobsConfig.Job {

        static Job scheduled(String expression) {
            return new Job(true, Optional.of(expression), Optional.empty(), Optional.empty(), Optional.empty(),
                    CalendarKind.TRADING_DAYS, Duration.ofMinutes(30), 3, Duration.ofSeconds(30), 2.0,
                    CatchUpPolicy.LAST, true);
        }

        static Job following(String... upstreams) {
            return new Job(true, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(List.of(upstreams)),
                    CalendarKind.TRADING_DAYS, Duration.ofMinutes(30), 3, Duration.ofSeconds(30), 2.0,
                    CatchUpPolicy.LAST, true);
        }

        static Job interval(Duration every, String between) {
            return new Job(true, Optional.empty(), Optional.of(every), Optional.of(between), Optional.empty(),
                    CalendarKind.EVERY_DAY, Duration.ofMinutes(9), 1, Duration.ofSeconds(30), 2.0,
                    CatchUpPolicy.NONE, true);
        }

        Job alsoAfter(String upstream) {
            return new Job(enabled, cron, every, between, Optional.of(List.of(upstream)), calendar, timeout,
                    maxAttempts, backoff, backoffMultiplier, catchUp, inBackfills);
        }

        Job withMaxAttempts(int attempts) {
            return new Job(enabled, cron, every, between, after, calendar, timeout, attempts, backoff,
                    backoffMultiplier, catchUp, inBackfills);
        }

        Job disabled() {
            return new Job(false, cron, every, between, after, calendar, timeout, maxAttempts, backoff,
                    backoffMultiplier, catchUp, inBackfills);
        }
    }

    private static final JobAction NOTHING = ctx -> JobOutcome.succeeded(0);

    private static Map<String, JobsConfig.Job> jobs(Object... nameAndJob) {
        Map<String, JobsConfig.Job> jobs = new LinkedHashMap<>();
        for (int i = 0; i < nameAndJob.length; i += 2) {
            jobs.put((String) nameAndJob[i], (JobsConfig.Job) nameAndJob[i + 1]);
        }
        return jobs;
    }

    private static Map<String, JobAction> actions(String... names) {
        Map<String, JobAction> actions = new LinkedHashMap<>();
        for (String name : names) {
            actions.put(name, NOTHING);
        }
        return actions;
    }

    @Test
    void aConsistentCatalogueListsItsJobsTheirSchedulesAndDependents() {
        JobCatalog catalog = new JobCatalog(jobs(
                "collect", Job.scheduled("0 30 16 * * ?"),
                "compute", Job.following("collect"),
                "poll", Job.interval(Duration.ofMinutes(10), "07:00-20:00"),
                "off", Job.scheduled("0 0 9 * * ?").disabled()),
                actions("collect", "compute", "poll", "off"));

        assertThat(catalog.all()).extracting(JobDefinition::name).containsExactly("collect", "compute", "poll", "off");
        assertThat(catalog.find("collect").orElseThrow().describeSchedule()).isEqualTo("cron 0 30 16 * * ?");
        assertThat(catalog.find("compute").orElseThrow().describeSchedule()).isEqualTo("after collect");
        assertThat(catalog.find("poll").orElseThrow().describeSchedule()).isEqualTo("every PT10M 07:00-20:00");
        assertThat(catalog.dependentsOf("collect")).extracting(JobDefinition::name).containsExactly("compute");
        assertThat(catalog.action("compute")).isSameAs(NOTHING);
        assertThat(catalog.runnable(catalog.find("collect").orElseThrow())).isTrue();
        assertThat(catalog.runnable(catalog.find("off").orElseThrow())).isFalse();
    }

    @Test
    void aConfiguredJobWithoutAnActionStopsTheStart() {
        assertThatThrownBy(() -> new JobCatalog(jobs("collect", Job.scheduled("0 30 16 * * ?"),
                "typo-job", Job.scheduled("0 0 9 * * ?")), actions("collect")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("job typo-job is configured")
                .hasMessageContaining("no JobAction bean");
    }

    @Test
    void anActionWithoutConfigurationStopsTheStart() {
        assertThatThrownBy(() -> new JobCatalog(jobs("collect", Job.scheduled("0 30 16 * * ?")),
                actions("collect", "forgotten")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("job forgotten has an action but no configuration")
                .hasMessageContaining("kmarket.jobs.job.forgotten.cron");
    }

    @Test
    void aJobNeedsExactlyOneOfAScheduleAndUpstreams() {
        assertThatThrownBy(() -> new JobCatalog(jobs("collect", Job.scheduled("0 30 16 * * ?"),
                "both", Job.scheduled("0 0 18 * * ?").alsoAfter("collect")), actions("collect", "both")))
                .hasMessage("job both needs exactly one of cron/every or after");
        assertThatThrownBy(() -> new JobCatalog(jobs("neither", Job.following()), actions("neither")))
                .hasMessage("job neither needs exactly one of cron/every or after");
    }

    @Test
    void anUnknownOrOwnUpstreamStopsTheStart() {
        assertThatThrownBy(() -> new JobCatalog(jobs("compute", Job.following("collect")), actions("compute")))
                .hasMessage("job compute follows unknown job collect");
        assertThatThrownBy(() -> new JobCatalog(jobs("loop", Job.following("loop")), actions("loop")))
                .hasMessage("job loop follows unknown job loop");
    }

    @Test
    void jobsFollowingEachOtherInACycleStopTheStart() {
        assertThatThrownBy(() -> new JobCatalog(jobs("a", Job.following("c"), "b", Job.following("a"), "c", Job.following("b")),
                actions("a", "b", "c")))
                .hasMessage("jobs depend on each other in a cycle: [a, c, b] -> a");
    }

    @Test
    void aJobMustBeAttemptedAtLeastOnce() {
        assertThatThrownBy(() -> new JobCatalog(jobs("collect", Job.scheduled("0 30 16 * * ?").withMaxAttempts(0)),
                actions("collect")))
                .hasMessage("job collect: max-attempts must be at least 1");
    }

    @Test
    void anUnknownJobHasNoAction() {
        JobCatalog catalog = new JobCatalog(jobs("collect", Job.scheduled("0 30 16 * * ?")), actions("collect"));
        assertThat(catalog.find("nothing")).isEmpty();
        assertThatThrownBy(() -> catalog.action("nothing")).hasMessage("no job named nothing");
    }
}
