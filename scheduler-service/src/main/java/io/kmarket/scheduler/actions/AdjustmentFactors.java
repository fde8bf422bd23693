package io.kmarket.scheduler.actions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.kmarket.scheduler.actions.store.ActionRows;
import io.kmarket.scheduler.actions.store.ActionRows.Action;
import io.kmarket.scheduler.actions.store.ActionRows.FactorStep;

/**
 * The cumulative factors of each stock, one step per distinct ex-date of its live actions: the step of ex-date e
 * holds the product of the factors of every action with an ex-date on or after e, which is what applies to the days
 * before e (and on or after the previous step). Split factors take the reference-price events only, total factors
 * the cash dividends too.
 */
public final class AdjustmentFactors {

    private AdjustmentFactors() {
    }

    public static Map<String, List<FactorStep>> of(Collection<Action> liveActions) {
        Map<String, TreeMap<LocalDate, double[]>> byCode = new HashMap<>();
        for (Action action : liveActions) {
            double[] day = byCode.computeIfAbsent(action.code(), c -> new TreeMap<>())
                    .computeIfAbsent(action.exDate(), d -> new double[] {1, 1});
            if (ActionRows.REFERENCE_PRICE.equals(action.event())) {
                day[0] *= action.priceFactor();
            }
            day[1] *= action.priceFactor();
        }
        Map<String, List<FactorStep>> steps = new HashMap<>();
        byCode.forEach((code, days) -> {
            List<FactorStep> stock = new ArrayList<>();
            double split = 1;
            double total = 1;
            // Newest first: each step multiplies its own day's factors into everything after it.
            for (Map.Entry<LocalDate, double[]> day : days.descendingMap().entrySet()) {
                split *= day.getValue()[0];
                total *= day.getValue()[1];
                stock.addFirst(new FactorStep(code, day.getKey(), split, total));
            }
            steps.put(code, List.copyOf(stock));
        });
        return steps;
    }
}
