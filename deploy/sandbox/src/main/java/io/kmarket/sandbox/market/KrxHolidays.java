package io.kmarket.sandbox.market;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Days the KRX market is closed besides weekends: fixed national holidays, Labor Day, the year-end closing
 * day, and the lunar (Seollal, Chuseok, Buddha's birthday), election, substitute and temporary holidays
 * of 2014-2027 as published. After 2027 only the fixed-date holidays apply.
 */
final class KrxHolidays {

    private static final List<MonthDay> FIXED = List.of(
            MonthDay.of(1, 1), MonthDay.of(3, 1), MonthDay.of(5, 1), MonthDay.of(5, 5), MonthDay.of(6, 6),
            MonthDay.of(8, 15), MonthDay.of(10, 3), MonthDay.of(10, 9), MonthDay.of(12, 25), MonthDay.of(12, 31));

    private static final String[] DATED = {
        // Seollal, Chuseok, Buddha's birthday, elections, substitute and temporary holidays
        "2014-01-30", "2014-01-31", "2014-05-06", "2014-06-04", "2014-09-08", "2014-09-09", "2014-09-10",
        "2015-02-18", "2015-02-19", "2015-02-20", "2015-05-25", "2015-08-14", "2015-09-28", "2015-09-29",
        "2016-02-08", "2016-02-09", "2016-02-10", "2016-04-13", "2016-05-06", "2016-09-14", "2016-09-15",
        "2016-09-16",
        "2017-01-27", "2017-01-30", "2017-05-03", "2017-05-09", "2017-10-02", "2017-10-04", "2017-10-05",
        "2017-10-06",
        "2018-02-15", "2018-02-16", "2018-05-07", "2018-05-22", "2018-06-13", "2018-09-24", "2018-09-25",
        "2018-09-26",
        "2019-02-04", "2019-02-05", "2019-02-06", "2019-05-06", "2019-09-12", "2019-09-13",
        "2020-01-24", "2020-01-27", "2020-04-15", "2020-04-30", "2020-08-17", "2020-09-30", "2020-10-01",
        "2020-10-02",
        "2021-02-11", "2021-02-12", "2021-05-19", "2021-08-16", "2021-09-20", "2021-09-21", "2021-09-22",
        "2021-10-04", "2021-10-11",
        "2022-01-31", "2022-02-01", "2022-02-02", "2022-03-09", "2022-06-01", "2022-09-09", "2022-09-12",
        "2022-10-10",
        "2023-01-23", "2023-01-24", "2023-05-29", "2023-09-28", "2023-09-29", "2023-10-02",
        "2024-02-09", "2024-02-12", "2024-04-10", "2024-05-06", "2024-05-15", "2024-09-16", "2024-09-17",
        "2024-09-18", "2024-10-01",
        "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-03-03", "2025-05-06", "2025-06-03",
        "2025-10-06", "2025-10-07", "2025-10-08",
        "2026-02-16", "2026-02-17", "2026-02-18", "2026-03-02", "2026-05-25", "2026-06-03", "2026-08-17",
        "2026-09-24", "2026-09-25", "2026-10-05",
        "2027-02-08", "2027-02-09", "2027-05-13", "2027-09-14", "2027-09-15", "2027-09-16", "2027-10-04",
        "2027-10-11",
    };

    private static final Set<LocalDate> DATED_SET = new HashSet<>();

    static {
        for (String date : DATED) {
            DATED_SET.add(LocalDate.parse(date));
        }
    }

    private KrxHolidays() {
    }

    static boolean isHoliday(LocalDate date) {
        return DATED_SET.contains(date) || FIXED.contains(MonthDay.from(date));
    }
}
