package io.kmarket.sandbox.market;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import io.kmarket.kit.time.MarketTime;

/** OpenDART's view of the market: companies and the filings of any day, generated from the seed. */
public final class DartRegistry {

    private static final String[] CITIES = {"서울특별시 강남구 테헤란로", "서울특별시 중구 세종대로", "경기도 성남시 분당구 판교로",
        "경기도 수원시 영통구 삼성로", "부산광역시 해운대구 센텀중앙로", "인천광역시 연수구 송도과학로", "대전광역시 유성구 대학로"};
    private static final String[] SURNAMES = {"김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "송"};
    private static final String[] GIVEN = {"민수", "서준", "지훈", "현우", "성민", "영호", "재원", "동현", "수진", "은영", "기남", "종희"};

    /** {type (pblntf_ty), report name}. */
    private static final String[][] REPORTS = {
        {"A", "사업보고서"}, {"A", "반기보고서"}, {"A", "분기보고서"},
        {"B", "주요사항보고서(자기주식취득결정)"}, {"B", "주요사항보고서(유상증자결정)"},
        {"C", "증권신고서(지분증권)"}, {"C", "투자설명서"},
        {"D", "임원ㆍ주요주주특정증권등소유상황보고서"}, {"D", "주식등의대량보유상황보고서(일반)"},
        {"D", "최대주주등소유주식변동신고서"},
        {"E", "자산유동화계획의등록신청서"},
        {"I", "단일판매ㆍ공급계약체결"}, {"I", "현금ㆍ현물배당결정"}, {"I", "연결재무제표기준영업(잠정)실적(공정공시)"},
        {"I", "주주총회소집결의"}, {"I", "기업설명회(IR)개최(안내공시)"},
    };

    private final long seed;
    private final List<Company> companies = new ArrayList<>();
    private final List<Company> listed = new ArrayList<>();
    private final List<Company> unlisted = new ArrayList<>();
    private final Map<String, Company> byCorpCode = new HashMap<>();
    private final Map<String, Company> byStockCode = new HashMap<>();

    public DartRegistry(long seed, Universe universe) {
        this.seed = seed;
        for (Listing listing : universe.listings()) {
            if (!listing.preferred()) {
                add(company(listing.corpCode(), listing.name(), listing.englishName(), listing), listed);
            }
        }
        SplittableRandom random = Seeds.random(seed, 30);
        NameGenerator names = new NameGenerator(companies.stream().map(Company::name).toList());
        for (int i = 0; i < 600; i++) {
            String corpCode;
            do {
                corpCode = String.format("%08d", 1_000_000 + random.nextInt(800_000));
            } while (byCorpCode.containsKey(corpCode));
            String[] name = names.next(random);
            String korean = i % 4 == 0 ? name[0] + "유동화전문유한회사" : name[0];
            add(company(corpCode, korean, name[1], null), unlisted);
        }
        companies.sort(Comparator.comparing(Company::corpCode));
    }

    private void add(Company company, List<Company> group) {
        companies.add(company);
        group.add(company);
        byCorpCode.put(company.corpCode(), company);
        if (company.listing() != null) {
            byStockCode.put(company.listing().code(), company);
        }
    }

    private Company company(String corpCode, String name, String englishName, Listing listing) {
        SplittableRandom r = Seeds.random(seed, 31, Long.parseLong(corpCode));
        String ceo = SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)];
        String jurir = String.format("%06d%07d", 110_111 + r.nextInt(800_000), r.nextInt(10_000_000));
        String bizr = String.format("%03d%02d%05d", 101 + r.nextInt(800), 81 + r.nextInt(5), r.nextInt(100_000));
        String address = CITIES[r.nextInt(CITIES.length)] + " " + (1 + r.nextInt(500));
        String phone = String.format("02-%04d-%04d", 1000 + r.nextInt(9000), r.nextInt(10_000));
        String fax = String.format("02-%04d-%04d", 1000 + r.nextInt(9000), r.nextInt(10_000));
        String homepage = englishName.isEmpty() ? "" : "www." + englishName.split(" ")[0].toLowerCase() + ".co.kr";
        LocalDate established = listing != null && listing.listDate().getYear() > 1960
                ? listing.listDate().minusYears(2 + r.nextInt(20)) : LocalDate.of(1960 + r.nextInt(60), 1 + r.nextInt(12), 1 + r.nextInt(28));
        LocalDate modified = LocalDate.of(2015 + r.nextInt(10), 1 + r.nextInt(12), 1 + r.nextInt(28));
        return new Company(corpCode, name, englishName, listing, ceo, jurir, bizr, address, homepage, phone, fax,
                String.valueOf(100 + r.nextInt(900)), established, "12", modified);
    }

    public List<Company> companies() {
        return companies;
    }

    public Company byCorpCode(String corpCode) {
        return byCorpCode.get(corpCode);
    }

    /** OpenDART also accepts a listed company's stock code in {@code corp_code} (observed, undocumented). */
    public Company byCorpOrStockCode(String code) {
        Company company = byCorpCode.get(code);
        return company != null ? company : byStockCode.get(code);
    }

    /**
     * The filings received on {@code date}, in receipt order, including those accepted later than now (OpenDART
     * lists a filing only once {@link Disclosure#acceptedBy accepted}); the same date always yields the same list.
     */
    public List<Disclosure> filedOn(LocalDate date) {
        SplittableRandom r = Seeds.random(seed, 32, date.toEpochDay());
        boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        int count = weekend ? r.nextInt(3) : 8 + r.nextInt(18);
        String day = date.toString().replace("-", "");
        List<Disclosure> result = new ArrayList<>(count);
        int dartSeq = 0;
        int exchangeSeq = 0;
        for (int i = 0; i < count; i++) {
            String[] report = REPORTS[r.nextInt(REPORTS.length)];
            Company company = pick(r, date, "E".equals(report[0]));
            String corpClass = company.corpClass(date);
            boolean exchange = "I".equals(report[0]) && !"E".equals(corpClass);
            String rceptNo = exchange ? day + String.format("80%04d", ++exchangeSeq * 7 + r.nextInt(7))
                    : day + String.format("00%04d", ++dartSeq * 13 + r.nextInt(13));
            String name = r.nextDouble() < 0.08 ? "[기재정정]" + report[1] : report[1];
            String filer = "D".equals(report[0]) && r.nextDouble() < 0.5
                    ? SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)] : company.name();
            String remark = remark(r, corpClass, exchange);
            result.add(new Disclosure(rceptNo, company, corpClass, name, filer, date, remark, report[0], null));
        }
        result.sort(Comparator.comparing(Disclosure::rceptNo));
        return accepted(date, result);
    }

    /**
     * Gives each filing its acceptance instant on its day, from a stream of its own so that the filings themselves
     * are the same as before acceptance times existed. A receipt number is handed out at acceptance, in sequence
     * within its series (00…: filed with DART, 80…: through the exchange), so within a series a higher number is
     * never accepted earlier.
     */
    private List<Disclosure> accepted(LocalDate date, List<Disclosure> filings) {
        SplittableRandom r = Seeds.random(seed, 33, date.toEpochDay());
        Map<String, List<LocalTime>> timesBySeries = new TreeMap<>();
        for (Disclosure d : filings) {
            timesBySeries.computeIfAbsent(series(d), s -> new ArrayList<>()).add(AcceptanceHours.draw(r));
        }
        timesBySeries.values().forEach(Collections::sort);
        Map<String, Integer> taken = new HashMap<>();
        List<Disclosure> result = new ArrayList<>(filings.size());
        for (Disclosure d : filings) {
            int next = taken.merge(series(d), 1, Integer::sum) - 1;
            Instant acceptedAt = date.atTime(timesBySeries.get(series(d)).get(next)).atZone(MarketTime.ZONE)
                    .toInstant();
            result.add(new Disclosure(d.rceptNo(), d.company(), d.corpClass(), d.reportName(), d.filer(),
                    d.receiptDate(), d.remark(), d.type(), acceptedAt));
        }
        return result;
    }

    private static String series(Disclosure d) {
        return d.rceptNo().substring(8, 10);
    }

    private Company pick(SplittableRandom r, LocalDate date, boolean unlistedOnly) {
        if (unlistedOnly || r.nextDouble() < 0.25) {
            return unlisted.get(r.nextInt(unlisted.size()));
        }
        for (int attempt = 0; attempt < 20; attempt++) {
            Company candidate = listed.get(r.nextInt(listed.size()));
            if (candidate.listing().listedOn(date)) {
                return candidate;
            }
        }
        return unlisted.get(r.nextInt(unlisted.size()));
    }

    private static String remark(SplittableRandom r, String corpClass, boolean exchange) {
        if (exchange) {
            return switch (corpClass) {
                case "Y" -> "유";
                case "K" -> "코";
                case "N" -> "넥";
                default -> "";
            };
        }
        return r.nextDouble() < 0.05 ? "정" : r.nextDouble() < 0.1 ? "연" : "";
    }
}
