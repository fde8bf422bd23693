package io.kmarket.scheduler.collect;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.kit.time.MarketTime;
import io.kmarket.scheduler.collect.store.ActionEvidenceStore;

/**
 * What the action-evidence job asks KRX for: the evidence corporate actions are classified by, at a few requests a
 * run.
 * <ul>
 * <li>Dividends (MDCSTAT20901), per market and fiscal year. KRX lists a fiscal year from 1 April of the next year
 * and answers what it lists today whatever the run's date, so the years are reckoned from today: the latest two
 * listed years on each day (a late or corrected filing), once a day however many runs (a backfill's dates); every
 * older year back to the first year with stored prices once after it was listed — on a first start that is all of
 * them, later only a year a history backfill reached back to.</li>
 * <li>Par value histories (MDCHARD04801) of the stocks whose stored days show a possible share consolidation (the
 * reference price above the previous close while the listed shares fell) and whose history was not read since:
 * that history is what tells a consolidation (액면병합, par up) from a capital reduction (감자). A run for a date
 * of a backfill looks at that date only (the backfill walks them all); any other run at every stored day up to
 * its date, so days stored out of turn (a repaired gap) are seen too.</li>
 * </ul>
 */
@ApplicationScoped
public class ActionEvidencePlan {

    /** The newest listed fiscal years asked for every day: KRX's listing of them may still change. */
    static final int REFRESHED_YEARS = 2;
    /** The month from whose first day KRX lists the previous fiscal year's dividends. */
    static final int LISTING_MONTH = 4;

    private final ActionEvidenceStore store;
    private final Clock clock;

    ActionEvidencePlan(ActionEvidenceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The tasks for a run of {@code date}; {@code backfill} for a run that is one date of a backfill. */
    public CollectionPlan plan(LocalDate date, boolean backfill) {
        Optional<LocalDate> firstPrice = store.firstPriceDate();
        List<CollectionTask> tasks = new ArrayList<>(dividendsDue(firstPrice));
        firstPrice.filter(first -> !first.isAfter(date)).ifPresent(first -> tasks.addAll(
                CollectionPlan.parChanges(store.consolidationCandidates(backfill ? date : first, date)).tasks()));
        return new CollectionPlan("action-evidence " + date, tasks);
    }

    private List<CollectionTask> dividendsDue(Optional<LocalDate> firstPrice) {
        LocalDate today = MarketTime.today(clock);
        int latest = latestListedYear(today);
        int refreshedFrom = latest - REFRESHED_YEARS + 1;
        int first = Math.min(firstPrice.map(LocalDate::getYear).orElse(refreshedFrom), refreshedFrom);
        Map<String, Instant> collected = store.lastSuccesses("KRX", Dataset.DIVIDENDS);
        Instant startOfToday = startOf(today);
        List<CollectionTask> due = new ArrayList<>();
        for (CollectionTask task : CollectionPlan.dividends(IntStream.rangeClosed(first, latest).boxed().toList())
                .tasks()) {
            int year = task.from().getYear();
            Instant fresh = year >= refreshedFrom ? startOfToday : startOf(listedFrom(year));
            Instant last = collected.get(task.key());
            if (last == null || last.isBefore(fresh)) {
                due.add(task);
            }
        }
        return due;
    }

    /** The newest fiscal year KRX lists on {@code today}. */
    static int latestListedYear(LocalDate today) {
        return today.isBefore(listedFrom(today.getYear() - 1)) ? today.getYear() - 2 : today.getYear() - 1;
    }

    private static LocalDate listedFrom(int fiscalYear) {
        return LocalDate.of(fiscalYear + 1, LISTING_MONTH, 1);
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(MarketTime.ZONE).toInstant();
    }
}
