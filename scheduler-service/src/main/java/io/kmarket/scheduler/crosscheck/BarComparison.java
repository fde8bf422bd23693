package io.kmarket.scheduler.crosscheck;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.kmarket.scheduler.crosscheck.store.SourceBars.Disagreement;
import io.kmarket.scheduler.crosscheck.store.SourceBars.KrxBar;
import io.kmarket.scheduler.crosscheck.store.SourceBars.NaverBar;

/**
 * What counts as a disagreement between KRX's bar of a stock and Naver's for the same date. Naver's prices are
 * divided by the split factor (see {@link SplitFactor}) and rounded to won, so a KRX price agrees when it lies within
 * half a factor of Naver's times the factor (exact equality without a split). Naver's volume is as traded, so
 * volumes must be equal at any date. Open, high and low are compared only when both sources say the stock traded
 * (KRX: volume above 0; Naver: not the halted 0|0|0|close|0 bar); a halt on one side only shows as a volume
 * disagreement. No Naver bar at all while KRX has one is a presence disagreement.
 */
final class BarComparison {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private BarComparison() {
    }

    static List<Disagreement> compare(KrxBar krx, NaverBar naver, BigDecimal factor, String naverSource) {
        List<Disagreement> found = new ArrayList<>();
        if (naver == null) {
            found.add(new Disagreement(krx.code(), "presence", krx.close(), null, factor, krx.source(), naverSource));
            return found;
        }
        price(found, krx, naver, "close", krx.close(), naver.close(), factor);
        if (krx.volume() != naver.volume()) {
            found.add(new Disagreement(krx.code(), "volume", krx.volume(), naver.volume(), factor, krx.source(),
                    naver.source()));
        }
        if (krx.traded() && !naver.halted()) {
            price(found, krx, naver, "open", krx.open(), naver.open(), factor);
            price(found, krx, naver, "high", krx.high(), naver.high(), factor);
            price(found, krx, naver, "low", krx.low(), naver.low(), factor);
        }
        return found;
    }

    private static void price(List<Disagreement> found, KrxBar krx, NaverBar naver, String field, long krxValue,
            long naverValue, BigDecimal factor) {
        BigDecimal gap = BigDecimal.valueOf(krxValue).subtract(BigDecimal.valueOf(naverValue).multiply(factor)).abs();
        if (gap.compareTo(factor.divide(TWO)) > 0) {
            found.add(new Disagreement(krx.code(), field, krxValue, naverValue, factor, krx.source(), naver.source()));
        }
    }
}
