package io.kmarket.sandbox.market;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/** Every issue of the simulated market, built once from the seed (a few milliseconds, a few hundred KB). */
public final class Universe {

    private static final String[] KOSDAQ_SECTIONS = {"우량기업부", "벤처기업부", "중견기업부", "기술성장기업부"};

    private final List<Listing> listings;
    private final Map<String, Listing> byCode = new HashMap<>();
    private final Map<String, Listing> byIsin = new HashMap<>();

    private final Identities identities;

    private Universe(List<Listing> listings, Identities identities) {
        this.listings = List.copyOf(listings);
        this.identities = identities;
        for (Listing l : listings) {
            byCode.put(l.code(), l);
            byIsin.put(l.isin(), l);
        }
    }

    public List<Listing> listings() {
        return listings;
    }

    /** The names and markets each issue had, day by day. */
    public Identities identities() {
        return identities;
    }

    public Listing byCode(String code) {
        return byCode.get(code);
    }

    public Listing byIsin(String isin) {
        return byIsin.get(isin);
    }

    public static Universe build(long seed, int stockCount, TradingCalendar calendar) {
        return new Builder(seed, stockCount, calendar).build();
    }

    private static final class Builder {
        private final long seed;
        private final int stockCount;
        private final TradingCalendar calendar;
        private final LocalDate first;
        private final LocalDate last;
        private final Set<String> codes = new HashSet<>();
        private final Set<String> corpCodes = new HashSet<>();
        private final List<Draft> drafts = new ArrayList<>();

        Builder(long seed, int stockCount, TradingCalendar calendar) {
            this.seed = seed;
            this.stockCount = stockCount;
            this.calendar = calendar;
            this.first = calendar.day(0);
            this.last = calendar.day(calendar.size() - 1);
        }

        Universe build() {
            List<String> reservedNames = new ArrayList<>();
            for (FamousStocks.Famous f : FamousStocks.ALL) {
                codes.add(f.code());
                reservedNames.add(f.name());
                if (f.corpCode() != null) {
                    corpCodes.add(f.corpCode());
                }
            }
            for (FamousStocks.Famous f : FamousStocks.ALL) {
                drafts.add(famous(f));
            }
            int[] targets = {Math.round(stockCount * 0.34f), Math.round(stockCount * 0.615f), 0};
            targets[2] = stockCount - targets[0] - targets[1];
            NameGenerator names = new NameGenerator(reservedNames);
            SplittableRandom random = Seeds.random(seed, 1);
            MarketId[] markets = MarketId.values();
            for (int m = 0; m < markets.length; m++) {
                MarketId market = markets[m];
                long already = drafts.stream().filter(d -> d.market == market).count();
                for (long i = already; i < targets[m]; i++) {
                    Draft d = generated(market, random, names);
                    drafts.add(d);
                    if (market == MarketId.STK && random.nextDouble() < 0.04 && i + 1 < targets[m]) {
                        drafts.add(preferredOf(d, random));
                        i++;
                    }
                }
            }
            assignSizeRanks();
            List<Listing> result = new ArrayList<>();
            for (int i = 0; i < drafts.size(); i++) {
                result.add(drafts.get(i).toListing(i));
            }
            result = new ActionPlanner(seed, calendar).plan(result);
            Identities.Built named = Identities.assign(seed, result, calendar);
            return new Universe(named.listings(), named.identities());
        }

        private Draft famous(FamousStocks.Famous f) {
            Draft d = new Draft();
            d.code = f.code();
            d.name = f.name();
            d.englishName = f.englishName();
            d.market = f.market();
            d.listDate = f.listDate() == null ? LocalDate.of(1975 + Math.floorMod(f.code().hashCode(), 30), 6, 2)
                    : LocalDate.parse(f.listDate());
            d.delistDate = f.delistDate() == null ? null : LocalDate.parse(f.delistDate());
            d.price = f.price();
            d.shares = f.shares();
            d.corpCode = f.corpCode() != null ? f.corpCode() : newCorpCode(Seeds.random(seed, 2, f.code().hashCode()));
            d.preferred = f.code().endsWith("5") || f.code().endsWith("K");
            d.volatility = 0.018;
            d.drift = 0.0003;
            d.turnover = 0.003;
            d.parValue = d.market == MarketId.STK ? 5000 : 500;
            d.anchorPrice = FamousStocks.LEVELS_2026.getOrDefault(f.code(), 0L);
            d.anchorDay = Math.min(calendar.ceilIndex(FamousStocks.LEVEL_DATE), calendar.size() - 1);
            d.section = d.market == MarketId.KSQ ? "우량기업부" : "";
            if (f.splitRatio() > 0) {
                int splitDay = calendar.indexOf(LocalDate.parse(f.splitDate()));
                int haltFrom = calendar.indexOf(LocalDate.parse(f.haltFrom()));
                d.actions.add(CorporateAction.split(splitDay, f.splitRatio(), haltFrom));
            }
            return d;
        }

        private Draft generated(MarketId market, SplittableRandom random, NameGenerator names) {
            Draft d = new Draft();
            String[] name = names.next(random);
            d.name = name[0];
            d.englishName = name[1];
            d.market = market;
            boolean newListing = random.nextDouble() < 0.12;
            if (newListing) {
                long span = last.toEpochDay() - first.toEpochDay();
                d.listDate = LocalDate.ofEpochDay(first.toEpochDay() + 20 + random.nextLong(span - 20));
            } else {
                d.listDate = LocalDate.of(1976 + random.nextInt(38), 1 + random.nextInt(12), 1 + random.nextInt(28));
            }
            if (random.nextDouble() < 0.05) {
                long from = Math.max(d.listDate.toEpochDay(), first.toEpochDay()) + 120;
                if (from < last.toEpochDay()) {
                    d.delistDate = calendar.day(calendar.ceilIndex(
                            LocalDate.ofEpochDay(from + random.nextLong(last.toEpochDay() - from))) % calendar.size());
                }
            }
            d.code = newCode(random, newListing && d.listDate.getYear() >= 2024);
            d.corpCode = newCorpCode(random);
            double medianPrice = switch (market) {
                case STK -> 15_000;
                case KSQ -> 8_000;
                case KNX -> 3_000;
            };
            double medianShares = switch (market) {
                case STK -> 30_000_000;
                case KSQ -> 18_000_000;
                case KNX -> 5_000_000;
            };
            d.price = TickSize.round(medianPrice * Math.exp(random.nextGaussian() * 1.0));
            d.shares = Math.max(200_000, (long) (medianShares * Math.exp(random.nextGaussian() * 0.9)));
            d.volatility = 0.015 + random.nextDouble() * 0.025;
            d.drift = (random.nextGaussian() * 0.0004);
            d.turnover = 0.001 + random.nextDouble() * 0.012;
            d.parValue = new int[] {100, 500, 500, 1000, 5000}[random.nextInt(5)];
            d.section = switch (market) {
                case STK -> "";
                case KSQ -> KOSDAQ_SECTIONS[random.nextInt(KOSDAQ_SECTIONS.length)];
                case KNX -> "일반기업부";
            };
            d.kosdaqGlobal = market == MarketId.KSQ && random.nextDouble() < 0.03;
            if (random.nextDouble() < 0.15) {
                d.halts = randomHalts(random, 1 + random.nextInt(2));
            }
            if (random.nextDouble() < 0.004) {
                int day = calendar.ceilIndex(first.plusDays(200 + random.nextInt(3500)));
                if (day < calendar.size() - 1) {
                    // Halted for the three trading days before, as KRX does while certificates are exchanged.
                    d.actions.add(CorporateAction.split(day, new int[] {2, 5, 10}[random.nextInt(3)], day - 3));
                }
            }
            return d;
        }

        private Draft preferredOf(Draft common, SplittableRandom random) {
            Draft d = new Draft();
            d.code = common.code.substring(0, 5) + "5";
            codes.add(d.code);
            d.name = common.name + "우";
            d.englishName = common.englishName + "(1P)";
            d.market = common.market;
            d.listDate = common.listDate;
            d.delistDate = common.delistDate;
            d.corpCode = common.corpCode;
            d.preferred = true;
            d.price = TickSize.round(common.price * (0.5 + random.nextDouble() * 0.4));
            d.shares = Math.max(100_000, common.shares / (5 + random.nextInt(20)));
            d.volatility = common.volatility * 0.8;
            d.drift = common.drift;
            d.turnover = common.turnover * 0.3;
            d.parValue = common.parValue;
            d.section = common.section;
            d.actions.addAll(common.actions);
            return d;
        }

        private int[] randomHalts(SplittableRandom random, int count) {
            int[] halts = new int[count * 2];
            for (int i = 0; i < count; i++) {
                int start = random.nextInt(calendar.size() - 20);
                halts[2 * i] = start;
                halts[2 * i + 1] = start + random.nextInt(10);
            }
            return halts;
        }

        private String newCode(SplittableRandom random, boolean newScheme) {
            while (true) {
                String code;
                if (newScheme && random.nextDouble() < 0.3) {
                    // Since 2024 KRX issues alphanumeric short codes once numeric ones ran out (e.g. 0096B0).
                    code = String.format("0%03d%c0", random.nextInt(1000), (char) ('A' + random.nextInt(26)));
                } else {
                    code = String.format("%05d0", 10 + random.nextInt(49_990));
                }
                if (codes.add(code) && codes.add(code.substring(0, 5) + "5")) {
                    return code;
                }
            }
        }

        private String newCorpCode(SplittableRandom random) {
            while (true) {
                String code = String.format("%08d", 100_000 + random.nextInt(1_700_000));
                if (corpCodes.add(code)) {
                    return code;
                }
            }
        }

        private void assignSizeRanks() {
            for (MarketId market : MarketId.values()) {
                List<Draft> ofMarket = new ArrayList<>(drafts.stream()
                        .filter(d -> d.market == market && !d.preferred).toList());
                ofMarket.sort(Comparator.comparingDouble((Draft d) -> -(double) d.price * d.shares)
                        .thenComparing(d -> d.code));
                for (int i = 0; i < ofMarket.size(); i++) {
                    ofMarket.get(i).sizeRank = i;
                }
                drafts.stream().filter(d -> d.market == market && d.preferred).forEach(d -> d.sizeRank = Integer.MAX_VALUE);
            }
        }
    }

    private static final class Draft {
        String code;
        String name;
        String englishName;
        MarketId market;
        String section = "";
        boolean kosdaqGlobal;
        boolean preferred;
        LocalDate listDate;
        LocalDate delistDate;
        long shares;
        int parValue;
        long price;
        double volatility;
        double drift;
        double turnover;
        final List<CorporateAction> actions = new ArrayList<>();
        int[] halts = new int[0];
        String corpCode;
        int sizeRank;
        long anchorPrice;
        int anchorDay;

        Listing toListing(int index) {
            String fullName = preferred ? name : "(주)" + name;
            String isin = FamousStocks.FOREIGN_ISINS.getOrDefault(code, Isin.of(code));
            return new Listing(index, code, isin, name, fullName, englishName, market, section,
                    kosdaqGlobal, preferred, listDate, delistDate, shares, parValue, price, volatility, drift,
                    turnover, List.copyOf(actions), halts, corpCode, sizeRank, anchorPrice, anchorDay);
        }
    }
}
