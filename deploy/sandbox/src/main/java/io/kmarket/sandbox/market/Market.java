package io.kmarket.sandbox.market;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.kmarket.sandbox.config.SandboxConfig;
import io.quarkus.runtime.StartupEvent;

/**
 * The simulated market. The universe and calendar are built at start (milliseconds); price paths are
 * simulated per stock on first use and the indices once every path exists, on a background thread so the
 * service is ready in about a second.
 */
@ApplicationScoped
public class Market {

    private static final Logger LOG = Logger.getLogger(Market.class);

    private final long seed;
    private final SandboxClock clock;
    private final TradingCalendar calendar;
    private final Universe universe;
    private final DartRegistry dart;
    private final AtomicReferenceArray<PriceHistory> histories;
    private final IndexArchive archive;
    private volatile Map<String, IndexHistory> indices;

    public Market(SandboxConfig config, SandboxClock clock) {
        this.seed = config.seed();
        this.clock = clock;
        LocalDate horizon = LocalDate.of(Math.max(2027, clock.today().getYear() + 1), 12, 31);
        this.calendar = new TradingCalendar(config.firstDay(), horizon);
        this.universe = Universe.build(seed, config.stocks(), calendar);
        this.dart = new DartRegistry(seed, universe);
        this.histories = new AtomicReferenceArray<>(universe.listings().size());
        this.archive = new IndexArchive(seed, calendar.day(0),
                IndexDefinition.byTicker(IndexArchive.TICKER).startLevel());
    }

    void warmUp(@Observes StartupEvent event) {
        Thread.ofPlatform().daemon().name("sandbox-warm-up").start(() -> {
            long started = System.nanoTime();
            indices();
            LOG.infof("Simulated %d issues over %d trading days in %d ms", universe.listings().size(),
                    calendar.size(), (System.nanoTime() - started) / 1_000_000);
        });
    }

    public long seed() {
        return seed;
    }

    public TradingCalendar calendar() {
        return calendar;
    }

    public Universe universe() {
        return universe;
    }

    public DartRegistry dart() {
        return dart;
    }

    public LocalDate today() {
        return clock.today();
    }

    public Instant now() {
        return clock.now();
    }

    /** Index of the latest trading day that has happened (today included); -1 before the first. */
    public int latestDay() {
        return Math.min(calendar.floorIndex(today()), calendar.size() - 1);
    }

    /** Whether {@code date} is a trading day that already happened. */
    public int pastTradingDay(LocalDate date) {
        int day = calendar.indexOf(date);
        return day >= 0 && day <= latestDay() ? day : -1;
    }

    /** Listed as of {@code date} (listing day on or before it, not yet delisted). */
    public List<Listing> listedOn(LocalDate date) {
        return universe.listings().stream().filter(l -> l.listedOn(date)).toList();
    }

    public PriceHistory history(Listing listing) {
        PriceHistory history = histories.get(listing.index());
        if (history == null) {
            history = new PriceHistory(seed, listing, calendar);
            if (!histories.compareAndSet(listing.index(), null, history)) {
                history = histories.get(listing.index());
            }
        }
        return history;
    }

    /** The members of an index on {@code date}: the largest {@code topN} candidates listed then (or all). */
    public List<Listing> constituents(IndexDefinition definition, LocalDate date) {
        List<Listing> candidates = universe.listings().stream()
                .filter(l -> definition.includes(l) && l.listedOn(date))
                .sorted(definition.bySize()).toList();
        return definition.topN() == 0 ? candidates : candidates.subList(0, Math.min(definition.topN(), candidates.size()));
    }

    /** The index's days before the first simulated day, or null when KRX's answer for them is not reproduced. */
    public IndexArchive archive(IndexDefinition definition) {
        return definition.ticker().equals(IndexArchive.TICKER) ? archive : null;
    }

    public IndexHistory index(IndexDefinition definition) {
        return indices().get(definition.ticker());
    }

    private Map<String, IndexHistory> indices() {
        Map<String, IndexHistory> result = indices;
        if (result == null) {
            synchronized (this) {
                result = indices;
                if (result == null) {
                    List<PriceHistory> all = new ArrayList<>();
                    for (Listing listing : universe.listings()) {
                        all.add(history(listing));
                    }
                    result = new HashMap<>();
                    for (IndexDefinition definition : IndexDefinition.ALL) {
                        result.put(definition.ticker(), new IndexHistory(definition, all, calendar.size()));
                    }
                    indices = result;
                }
            }
        }
        return result;
    }
}
