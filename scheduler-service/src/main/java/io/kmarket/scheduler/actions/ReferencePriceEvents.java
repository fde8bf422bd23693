package io.kmarket.scheduler.actions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.kmarket.kit.time.MarketTime;
import io.kmarket.scheduler.actions.ActionClassifier.Evidence;
import io.kmarket.scheduler.actions.store.ActionRows.Action;
import io.kmarket.scheduler.actions.store.ActionRows.ParChange;
import io.kmarket.scheduler.actions.store.ActionRows.PriceStep;

/**
 * The reference-price events among the scanned steps, classified: a step counts only where the previous stored row
 * is the previous trading day, because after a gap in the data the previous stored close is not the P KRX set the
 * reference price from.
 */
public final class ReferencePriceEvents {

    /** New shares of a bonus issue list ~15, of a rights offering ~25, of a stock dividend ~65 trading days later. */
    public static final int LISTING_WINDOW = 90;

    private ReferencePriceEvents() {
    }

    /**
     * @param steps the scanned steps, ordered by code and date
     * @param parChanges par value changes by code and date
     * @param parChecks when each stock's par value history was last asked for
     * @param stockDividends stock dividend per share by code and the ex-date its fiscal year gives
     */
    public static List<Action> derive(List<PriceStep> steps, TradingDays days,
            Map<String, Map<LocalDate, ParChange>> parChanges, Map<String, Instant> parChecks,
            Map<String, Map<LocalDate, BigDecimal>> stockDividends) {
        Map<String, List<PriceStep>> byCode = new LinkedHashMap<>();
        steps.forEach(step -> byCode.computeIfAbsent(step.code(), c -> new ArrayList<>()).add(step));
        List<Action> actions = new ArrayList<>();
        byCode.forEach((code, stockSteps) -> {
            for (PriceStep step : stockSteps) {
                if (!step.referenceStep() || step.previousClose() <= 0 || step.base() <= 0
                        || !days.consecutive(step.previousDate(), step.date())) {
                    continue;
                }
                Instant checked = parChecks.get(code);
                Evidence evidence = new Evidence(laterIncrease(step, stockSteps, days),
                        Optional.ofNullable(parChanges.getOrDefault(code, Map.of()).get(step.date())),
                        checked != null && !checked.isBefore(step.date().atStartOfDay(MarketTime.ZONE).toInstant()),
                        Optional.ofNullable(stockDividends.getOrDefault(code, Map.of()).get(step.date())));
                actions.add(ActionClassifier.classify(step, evidence));
            }
        });
        return actions;
    }

    /** The first rise of the listed shares within the listing window after the ex-date (any gap in between). */
    private static Optional<PriceStep> laterIncrease(PriceStep event, List<PriceStep> stockSteps, TradingDays days) {
        for (PriceStep later : stockSteps) {
            if (!later.date().isAfter(event.date()) || !later.sharesChanged()
                    || later.shares() < later.previousShares()) {
                continue;
            }
            Optional<Integer> distance = days.between(event.date(), later.date());
            if (distance.isEmpty()) {
                continue;
            }
            // Steps are in date order: once past the window, every later one is too.
            return distance.get() <= LISTING_WINDOW ? Optional.of(later) : Optional.empty();
        }
        return Optional.empty();
    }
}
