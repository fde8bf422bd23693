package io.kmarket.scheduler.actions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.kmarket.scheduler.actions.store.ActionRows;
import io.kmarket.scheduler.actions.store.ActionRows.Action;
import io.kmarket.scheduler.actions.store.ActionRows.Check;
import io.kmarket.scheduler.actions.store.ActionRows.Key;
import io.kmarket.scheduler.actions.store.ActionRows.NaverPair;

/**
 * What the second sources say about the live actions. A disagreement is recorded here and nowhere else: the action
 * stays as the reference price made it.
 */
public final class ActionChecks {

    public static final String NAVER = "NAVER";
    public static final String KRX_DIVIDENDS = "KRX_DIVIDENDS";
    /** Naver rounds its adjusted prices to won: a factor within 1 % of ours is the same factor. */
    static final double NAVER_TOLERANCE = 0.01;
    /** r is taken from the share counts to four decimals. */
    static final double STOCK_DIVIDEND_TOLERANCE = 0.0001;

    private ActionChecks() {
    }

    /**
     * Naver's implied factor at the ex-date: how much more Naver's adjusted series cut the day before than the
     * ex-date, (N(D-1)/R(D-1)) / (N(D)/R(D)). Later actions scale both days alike and cancel out.
     */
    public static List<Check> naver(List<Action> live, List<NaverPair> pairs) {
        Map<Key, Action> byKey = new HashMap<>();
        live.forEach(a -> byKey.put(a.key(), a));
        List<Check> checks = new ArrayList<>();
        for (NaverPair pair : pairs) {
            Action action = byKey.get(new Key(pair.code(), pair.exDate(), ActionRows.REFERENCE_PRICE));
            if (action == null) {
                continue;
            }
            double theirs = ((double) pair.naverBefore() / pair.rawBefore()) / ((double) pair.naverOn() / pair.rawOn());
            boolean agrees = Math.abs(theirs / action.priceFactor() - 1) <= NAVER_TOLERANCE;
            String detail = String.format(Locale.ROOT, "Naver adjusted/KRX raw close %d/%d the trading day before,"
                    + " %d/%d on the ex-date: implied factor %.6f, ours %.6f (%s)", pair.naverBefore(),
                    pair.rawBefore(), pair.naverOn(), pair.rawOn(), theirs, action.priceFactor(), action.actionType());
            checks.add(new Check(pair.code(), pair.exDate(), ActionRows.REFERENCE_PRICE, NAVER, theirs,
                    action.priceFactor(), agrees, detail));
        }
        return checks;
    }

    /** A stock dividend's r from the listed shares against KRX's stock dividend per share of its fiscal year. */
    public static List<Check> krxDividends(List<Action> live, Map<String, Map<java.time.LocalDate, BigDecimal>> stock) {
        List<Check> checks = new ArrayList<>();
        for (Action action : live) {
            BigDecimal perShare = stock.getOrDefault(action.code(), Map.of()).get(action.exDate());
            if (!"stock_dividend".equals(action.actionType()) || perShare == null) {
                continue;
            }
            double r = action.sharesMultiplier() - 1;
            double s = perShare.doubleValue();
            boolean agrees = Math.abs(r - s) <= STOCK_DIVIDEND_TOLERANCE + 1e-12;
            String detail = String.format(Locale.ROOT, "new shares per share: %.4f from the listed shares, %s on KRX's"
                    + " dividend screen", r, perShare.stripTrailingZeros().toPlainString());
            checks.add(new Check(action.code(), action.exDate(), ActionRows.REFERENCE_PRICE, KRX_DIVIDENDS,
                    1 / (1 + s), action.priceFactor(), agrees, detail));
        }
        return checks;
    }
}
