package io.kmarket.scheduler.actions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.kmarket.scheduler.actions.store.ActionRows;
import io.kmarket.scheduler.actions.store.ActionRows.Action;
import io.kmarket.scheduler.actions.store.ActionRows.ParChange;
import io.kmarket.scheduler.actions.store.ActionRows.PriceStep;

/**
 * What a reference-price step of KRX was, from the share counts around it and the par value history: the price factor
 * is base / previous close whatever the type; the type and the share multiplier need the evidence. A step the
 * evidence does not explain (yet) stays unclassified, with the reason in its evidence.
 */
public final class ActionClassifier {

    /** base·m may miss the previous close by the KRX tick rounding of base: well under 1 %. */
    static final double CONSISTENCY = 0.01;

    /**
     * What else is known about the step's stock: the first share increase within the listing window after the
     * ex-date, the par change on the ex-date, whether the par history was asked for on or after the ex-date, and the
     * stock dividend per share of a fiscal year whose ex-date is this one.
     */
    public record Evidence(Optional<PriceStep> laterIncrease, Optional<ParChange> parChangeOnExDate,
            boolean parHistoryCheckedSince, Optional<BigDecimal> stockDividendPerShare) {
    }

    private ActionClassifier() {
    }

    public static Action classify(PriceStep step, Evidence evidence) {
        long base = step.base();
        long previous = step.previousClose();
        double f = (double) base / previous;
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("previousDate", step.previousDate().toString());
        json.put("previousClose", previous);
        json.put("referencePrice", base);
        json.put("sharesBefore", step.previousShares());
        json.put("sharesOnExDate", step.shares());
        Draft draft = new Draft(step, f, json);
        if (step.sharesChanged()) {
            return shareCountChange(draft, evidence);
        }
        if (f < 1) {
            return laterIssue(draft, evidence);
        }
        return draft.unclassified("the reference price rose above the previous close without a change of the"
                + " listed shares");
    }

    /** The shares changed on the ex-date itself: a split, a consolidation or a capital reduction. */
    private static Action shareCountChange(Draft draft, Evidence evidence) {
        PriceStep step = draft.step;
        double observed = (double) step.shares() / step.previousShares();
        draft.json.put("sharesRatio", observed);
        if (observed > 1) {
            long n = Math.round(observed);
            if (n < 2 || !consistent(draft.f, n)) {
                return draft.unclassified("the listed shares rose " + observed + "-fold on the ex-date, which does"
                        + " not match the reference price step (factor " + draft.f + ")");
            }
            draft.json.put("rule", "listed shares x" + n + " on the ex-date");
            return draft.classified("split", n, step.previousShares(), step.shares(), step.date(), null);
        }
        long n = Math.round(1 / observed);
        double m = 1.0 / n;
        if (n < 2 || !consistent(draft.f, m)) {
            return draft.unclassified("the listed shares fell to " + observed + " on the ex-date, which does not"
                    + " match the reference price step (factor " + draft.f + ")");
        }
        Optional<ParChange> par = evidence.parChangeOnExDate();
        par.ifPresent(p -> {
            draft.json.put("parBefore", p.parBefore());
            draft.json.put("parAfter", p.parAfter());
        });
        draft.json.put("parHistoryChecked", evidence.parHistoryCheckedSince());
        if (par.isPresent() && par.get().parBefore() != null && par.get().parAfter() != null
                && par.get().parAfter() == par.get().parBefore() * n) {
            draft.json.put("rule", "listed shares 1/" + n + " and par x" + n + " on the ex-date");
            return draft.classified("reverse_split", m, step.previousShares(), step.shares(), step.date(), null);
        }
        if (par.isPresent()) {
            return draft.unclassified("the listed shares fell to 1/" + n + " but the par changed otherwise on the"
                    + " ex-date");
        }
        if (evidence.parHistoryCheckedSince()) {
            draft.json.put("rule", "listed shares 1/" + n + " on the ex-date, par unchanged");
            return draft.classified("capital_reduction", m, step.previousShares(), step.shares(), step.date(), null);
        }
        return draft.unclassified("the listed shares fell to 1/" + n + " on the ex-date; awaiting the par value"
                + " history to tell a consolidation from a capital reduction");
    }

    /** A price step down with the shares unchanged: new shares listed later (bonus, rights, stock dividend). */
    private static Action laterIssue(Draft draft, Evidence evidence) {
        if (evidence.laterIncrease().isEmpty()) {
            return draft.unclassified("no increase of the listed shares yet within "
                    + ReferencePriceEvents.LISTING_WINDOW + " trading days after the ex-date");
        }
        PriceStep increase = evidence.laterIncrease().get();
        double observed = (double) increase.shares() / increase.previousShares();
        double r = BigDecimal.valueOf(observed - 1).setScale(4, RoundingMode.HALF_UP).doubleValue();
        double m = 1 + r;
        draft.json.put("sharesIncreaseOn", increase.date().toString());
        draft.json.put("sharesRatio", observed);
        double product = draft.f * m;
        if (Math.abs(product - 1) <= CONSISTENCY) {
            if (evidence.stockDividendPerShare().isPresent()) {
                draft.json.put("stockPerShare", evidence.stockDividendPerShare().get());
                draft.json.put("rule", "new shares x" + m + " listed later, KRX dividend screen shows a stock dividend"
                        + " whose ex-date is this one");
                return draft.classified("stock_dividend", m, increase.previousShares(), increase.shares(),
                        increase.date(), null);
            }
            draft.json.put("rule", "new shares x" + m + " listed later, reference price = previous close / " + m);
            return draft.classified("bonus_issue", m, increase.previousShares(), increase.shares(), increase.date(),
                    null);
        }
        if (product > 1 + CONSISTENCY) {
            long issuePrice = Math.round((draft.step.base() * m - draft.step.previousClose()) / r);
            draft.json.put("rule", "new shares x" + m + " listed later, reference price above previous close / " + m
                    + ": a paid-in issue");
            return draft.classified("rights_offering", m, increase.previousShares(), increase.shares(),
                    increase.date(), issuePrice > 0 ? issuePrice : null);
        }
        return draft.unclassified("the shares listed later (x" + m + ") adjust less than the reference price did");
    }

    private static boolean consistent(double f, double m) {
        return Math.abs(f * m - 1) <= CONSISTENCY;
    }

    /** The parts of the action every outcome shares. */
    private record Draft(PriceStep step, double f, ObjectNode json) {

        Action classified(String type, double m, Long sharesBefore, Long sharesAfter, java.time.LocalDate changedOn,
                Long issuePrice) {
            return action(type, m, issuePrice, sharesBefore, sharesAfter, changedOn);
        }

        Action unclassified(String reason) {
            json.put("reason", reason);
            return action("unclassified", null, null, step.previousShares(), step.shares(), null);
        }

        private Action action(String type, Double m, Long issuePrice, Long sharesBefore, Long sharesAfter,
                java.time.LocalDate changedOn) {
            return new Action(step.code(), step.date(), ActionRows.REFERENCE_PRICE, type, m, null, issuePrice,
                    step.previousClose(), step.base(), f, sharesBefore, sharesAfter, changedOn, json.toString(),
                    step.source());
        }
    }
}
