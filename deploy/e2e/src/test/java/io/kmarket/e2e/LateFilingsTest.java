package io.kmarket.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * OpenDART lists a filing only once it is accepted, and filings are accepted until late in the evening. The
 * disclosures job runs every 10 minutes from 07:00 to 20:00: what is accepted after its last run of day D must be
 * stored by the next morning's pass, so that the stored filings of D are exactly the sandbox's truth for D.
 * <p>
 * The sandbox's time stands still and is moved by the test. The scheduler runs on the real clock, which cannot be
 * moved from outside its process; D is therefore a day after the real today, which the scheduler never counts as
 * ended: its watermark stays where the test puts it (D-1, as D's own morning pass leaves it) and every run plans
 * from there, as the runs of D and of the morning after do. That the watermark then moves on is
 * DisclosuresJobTest's part, on the scheduler's fake clock.
 */
class LateFilingsTest {

    private static final Logger LOG = Logger.getLogger(LateFilingsTest.class);
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final String JOB = "disclosures";
    /** The job's last run of a day (kmarket.jobs.job.disclosures.between=07:00-20:00). */
    private static final LocalTime LAST_RUN = LocalTime.of(20, 0);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);

    @Test
    void filingsAcceptedAfterTheLastRunOfTheirDayAreStoredByTheNextMorningsPass() {
        LocalDate day = aDayWithFilingsBeforeAndAfterTheLastRun(LocalDate.now(SEOUL).plusDays(1));
        StoredMarket stored = Platform.shared().emptyMarket();
        stored.execute("DELETE FROM ops.job_runs WHERE job_name = '" + JOB + "'");
        stored.execute("INSERT INTO ops.collection_watermarks (site_code, dataset, scope, watermark)"
                + " VALUES ('DART', 'DISCLOSURES', '', '" + day.minusDays(1) + "')");
        try (Sandbox sandbox = Sandbox.frozenAt(day.atTime(19, 50).atZone(SEOUL).toInstant());
                Scheduler scheduler = Platform.shared().startScheduler(sandbox)) {
            GroundTruth truth = new GroundTruth(sandbox);
            scheduler.trigger(JOB, day);
            assertThat(scheduler.awaitRuns(JOB, 1, RUN_TIMEOUT)).containsExactly("succeeded");
            sandbox.advanceClock(Duration.ofMinutes(10));
            scheduler.trigger(JOB, day);
            assertThat(scheduler.awaitRuns(JOB, 2, RUN_TIMEOUT)).containsExactly("succeeded", "succeeded");
            Map<String, String> atLastRun = truth.disclosures(day, day);
            assertThat(stored.disclosures(day, day)).as("stored after the last run of %s", day).isEqualTo(atLastRun);

            // 07:00 the next morning: the evening's filings are listed under D now.
            sandbox.advanceClock(Duration.ofHours(11));
            Map<String, String> ofTheDay = truth.disclosures(day, day);
            List<String> late = ofTheDay.keySet().stream().filter(rceptNo -> !atLastRun.containsKey(rceptNo)).toList();
            LOG.infof("%s: %d filings, %d of them accepted after the last run (%s)", day, ofTheDay.size(), late.size(),
                    late);
            assertThat(late).isNotEmpty();
            scheduler.trigger(JOB, day.plusDays(1));
            assertThat(scheduler.awaitRuns(JOB, 3, RUN_TIMEOUT)).containsExactly("succeeded", "succeeded",
                    "succeeded");
            RowDiff diff = RowDiff.of("market.disclosures " + day, ofTheDay, stored.disclosures(day, day));
            assertThat(diff.clean()).as(diff.toString()).isTrue();
            assertThat(stored.duplicatedKeys()).isZero();
        }
    }

    /**
     * The first day from {@code first} on with filings accepted both before the job's last run (so the day's own
     * runs store some) and after it, read from the truth of a sandbox frozen after those days.
     */
    private static LocalDate aDayWithFilingsBeforeAndAfterTheLastRun(LocalDate first) {
        LocalDate last = first.plusDays(30);
        try (Sandbox lookout = Sandbox.frozenAt(last.plusDays(1).atStartOfDay(SEOUL).toInstant())) {
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                List<LocalTime> accepted = lookout.truth("disclosures?date=" + day).findValuesAsText("acceptedAt")
                        .stream().map(at -> OffsetDateTime.parse(at).toLocalTime()).toList();
                if (accepted.stream().anyMatch(at -> at.isBefore(LAST_RUN.minusMinutes(10)))
                        && accepted.stream().anyMatch(at -> at.isAfter(LAST_RUN))) {
                    return day;
                }
            }
        }
        throw new IllegalStateException("no day from " + first + " to " + last + " has filings after " + LAST_RUN);
    }
}
