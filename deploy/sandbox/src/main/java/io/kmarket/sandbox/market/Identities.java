package io.kmarket.sandbox.market;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * The names and markets each issue had over the simulated years. KRX answers a day's market with the names and
 * markets of that day, so a collector that writes whatever day it collects last (a backfill) would bring back
 * names dropped years ago; the sandbox reproduces the renames and the KOSDAQ to KOSPI moves that make this visible.
 * Three are real: DB금융투자 became DB증권, DGB금융지주 became iM금융지주, NICE평가정보 moved from KOSDAQ to KOSPI (the
 * dates are close to, not exactly, the real ones). The others are drawn from their own random stream, after the
 * universe is built, so every price, index and filing stays what it was without them.
 */
public final class Identities {

    /** What KRX showed for an issue from {@code from} (inclusive) until {@code until} (exclusive; null: still). */
    public record Identity(LocalDate from, LocalDate until, String name, MarketId market, String section,
            boolean kosdaqGlobal) {

        public boolean covers(LocalDate date) {
            return !date.isBefore(from) && (until == null || date.isBefore(until));
        }

        /** The name KRX shows for the market on {@code date} ({@code KOSDAQ GLOBAL} for the premium segment). */
        public String krxMarketName(LocalDate date) {
            return kosdaqGlobal && !date.isBefore(Listing.KOSDAQ_GLOBAL_FROM) ? "KOSDAQ GLOBAL" : market.englishName();
        }
    }

    /** A real case: the listing that takes the code now, and what it was called and where, until {@code until}. */
    private record RealCase(String code, String name, String fullName, String englishName, String until,
            String earlierName, MarketId earlierMarket) {
    }

    private static final List<RealCase> REAL = List.of(
            new RealCase("016610", "DB증권", "DB증권(주)", "DB Securities Co.,Ltd.", "2025-01-02", "DB금융투자",
                    MarketId.STK),
            new RealCase("139130", "iM금융지주", "(주)iM금융지주", "iM Financial Group Co., Ltd.", "2024-06-05",
                    "DGB금융지주", MarketId.STK),
            new RealCase("030190", "NICE평가정보", "NICE평가정보(주)", "NICE Information Service Co., Ltd.",
                    "2024-05-13", "NICE평가정보", MarketId.KSQ));

    private static final double RENAMED = 0.04;
    private static final double MOVED_TO_KOSPI = 0.01;
    private static final String[] KOSDAQ_SECTIONS = {"우량기업부", "벤처기업부", "중견기업부", "기술성장기업부"};
    private static final long STREAM = 60;

    private final Map<String, List<Identity>> byCode;

    private Identities(Map<String, List<Identity>> byCode) {
        this.byCode = byCode;
    }

    /** Every identity of the issue, oldest first; the last is today's. */
    public List<Identity> of(Listing listing) {
        List<Identity> earlier = byCode.get(listing.code());
        return earlier != null ? earlier : List.of(current(listing, listing.listDate()));
    }

    /** What KRX showed for the issue on {@code date} (today's identity before its listing or after delisting). */
    public Identity on(Listing listing, LocalDate date) {
        for (Identity identity : of(listing)) {
            if (identity.covers(date)) {
                return identity;
            }
        }
        return of(listing).getLast();
    }

    /** Whether any issue had more than one identity. */
    public boolean anyChanged() {
        return !byCode.isEmpty();
    }

    private static Identity current(Listing listing, LocalDate from) {
        return new Identity(from, null, listing.name(), listing.market(), listing.section(), listing.kosdaqGlobal());
    }

    /**
     * Gives the real cases their codes (each takes over a generated KOSPI issue that has no preferred share, so
     * its prices and index weight stay; only its code, ISIN and names change) and draws the other renames and
     * moves. Returns the listings, in the same order, with the real cases renamed.
     */
    static Built assign(long seed, List<Listing> listings, TradingCalendar calendar) {
        List<Listing> result = new ArrayList<>(listings);
        Map<String, List<Identity>> history = new HashMap<>();
        Set<String> codes = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (Listing l : listings) {
            codes.add(l.code());
            names.add(l.name());
        }
        Set<Integer> taken = new HashSet<>();
        for (RealCase real : REAL) {
            names.add(real.name());
            names.add(real.earlierName());
            int index = realCaseIndex(real, result, codes, taken);
            if (index < 0) {
                continue;
            }
            taken.add(index);
            Listing l = result.get(index);
            Listing renamed = l.renamed(real.code(), Isin.of(real.code()), real.name(), real.fullName(),
                    real.englishName());
            result.set(index, renamed);
            codes.add(real.code());
            LocalDate until = LocalDate.parse(real.until());
            String earlierSection = real.earlierMarket() == MarketId.KSQ ? "우량기업부" : renamed.section();
            history.put(real.code(), List.of(
                    new Identity(renamed.listDate(), until, real.earlierName(), real.earlierMarket(), earlierSection,
                            false),
                    current(renamed, until)));
        }
        NameGenerator generator = new NameGenerator(names);
        SplittableRandom random = Seeds.random(seed, STREAM);
        LocalDate first = calendar.day(0);
        int days = calendar.size();
        for (int i = 0; i < result.size(); i++) {
            Listing l = result.get(i);
            // Draw for every issue, in universe order, so one issue's draws never depend on another's outcome.
            double renameDraw = random.nextDouble();
            double moveDraw = random.nextDouble();
            int changeDay = 30 + random.nextInt(Math.max(1, days - 60));
            String[] earlierName = generator.next(random);
            String section = KOSDAQ_SECTIONS[random.nextInt(KOSDAQ_SECTIONS.length)];
            if (taken.contains(i) || l.preferred() || hasPreferred(l, codes) || FamousStocks.CODES.contains(l.code())) {
                continue;
            }
            LocalDate until = calendar.day(Math.min(changeDay, days - 1));
            if (!until.isAfter(l.listDate()) || !until.isAfter(first) || l.delistedBy(until)) {
                continue;
            }
            boolean moved = l.market() == MarketId.STK && moveDraw < MOVED_TO_KOSPI;
            boolean renamed = renameDraw < RENAMED;
            if (!moved && !renamed) {
                continue;
            }
            history.put(l.code(), List.of(
                    new Identity(l.listDate(), until, renamed ? earlierName[0] : l.name(),
                            moved ? MarketId.KSQ : l.market(), moved ? section : l.section(),
                            moved ? false : l.kosdaqGlobal()),
                    current(l, until)));
        }
        return new Built(result, new Identities(Map.copyOf(history)));
    }

    record Built(List<Listing> listings, Identities identities) {
    }

    /** The listing that takes a real case's code: the one that has it already, or the first plain KOSPI issue. */
    private static int realCaseIndex(RealCase real, List<Listing> listings, Set<String> codes,
            Set<Integer> taken) {
        for (int i = 0; i < listings.size(); i++) {
            if (listings.get(i).code().equals(real.code())) {
                return i;
            }
        }
        if (codes.contains(real.code().substring(0, 5) + "5")) {
            return -1;
        }
        for (int i = 0; i < listings.size(); i++) {
            Listing l = listings.get(i);
            if (!taken.contains(i) && l.market() == MarketId.STK && !l.preferred() && !hasPreferred(l, codes)
                    && !FamousStocks.CODES.contains(l.code()) && l.delistDate() == null
                    && l.actions().stream().noneMatch(a -> a.type().referencePrice())
                    && l.listDate().isBefore(LocalDate.of(2010, 1, 1))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean hasPreferred(Listing l, Set<String> codes) {
        return !l.code().endsWith("5") && codes.contains(l.code().substring(0, 5) + "5");
    }
}
