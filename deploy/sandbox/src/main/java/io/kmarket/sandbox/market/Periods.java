package io.kmarket.sandbox.market;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;

/** Weekly and monthly candles aggregated from daily bars, as chart sources serve them. */
public final class Periods {

    public enum Frame {
        DAY, WEEK, MONTH
    }

    private Periods() {
    }

    /**
     * Daily bars (oldest first) grouped into {@code frame} candles dated by the period's first trading day;
     * suspended days count as flat bars at the standing price with no volume.
     */
    public static List<Bar> aggregate(List<Bar> days, Frame frame) {
        List<Bar> result = new ArrayList<>();
        for (Bar day : days) {
            Bar bar = day.halted()
                    ? new Bar(day.date(), day.close(), day.close(), day.close(), day.close(), day.base(), 0, 0, day.shares(), true)
                    : day;
            if (frame != Frame.DAY && !result.isEmpty() && samePeriod(result.getLast().date(), bar.date(), frame)) {
                Bar p = result.getLast();
                result.set(result.size() - 1, new Bar(p.date(), p.open(), Math.max(p.high(), bar.high()),
                        Math.min(p.low(), bar.low()), bar.close(), p.base(), p.volume() + bar.volume(),
                        p.value() + bar.value(), bar.shares(), false));
            } else {
                result.add(bar);
            }
        }
        return result;
    }

    private static boolean samePeriod(LocalDate a, LocalDate b, Frame frame) {
        if (frame == Frame.WEEK) {
            return a.get(IsoFields.WEEK_BASED_YEAR) == b.get(IsoFields.WEEK_BASED_YEAR)
                    && a.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) == b.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        }
        return a.getYear() == b.getYear() && a.getMonth() == b.getMonth();
    }
}
