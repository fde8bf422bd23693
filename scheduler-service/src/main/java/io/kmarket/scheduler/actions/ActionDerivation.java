package io.kmarket.scheduler.actions;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.scheduler.actions.ActionChanges.Changes;
import io.kmarket.scheduler.actions.store.ActionCheckStore;
import io.kmarket.scheduler.actions.store.ActionEvidenceReader;
import io.kmarket.scheduler.actions.store.ActionRows.Action;
import io.kmarket.scheduler.actions.store.ActionRows.ActionWrite;
import io.kmarket.scheduler.actions.store.ActionRows.Check;
import io.kmarket.scheduler.actions.store.ActionRows.Dividend;
import io.kmarket.scheduler.actions.store.ActionRows.FactorStep;
import io.kmarket.scheduler.actions.store.ActionRows.Key;
import io.kmarket.scheduler.actions.store.ActionStore;

/**
 * The whole-market derivation: every action the collected data shows, written where it differs from what is
 * stored, with the factors and versions of the stocks that changed, then the cross-checks. Idempotent: a second
 * run over the same data finds nothing to write.
 */
@ApplicationScoped
public class ActionDerivation {

    /** Runs a batch of writes in one transaction (fenced with the run's leadership in the job). */
    @FunctionalInterface
    public interface Transactions {
        void run(Runnable work);
    }

    /** The actions derived from the data, and the stock dividends of KRX's screen by code and ex-date. */
    public record Derived(List<Action> actions, Map<String, Map<LocalDate, BigDecimal>> stockDividends) {
    }

    /** What a run wrote. */
    public record Written(int actions, int withdrawn, int stocks) {
    }

    /** Calendar days covering the listing window in trading days (weekends and the longest holidays). */
    static final int LISTING_WINDOW_CALENDAR_DAYS = ReferencePriceEvents.LISTING_WINDOW * 7 / 5 + 30;

    private final ActionEvidenceReader evidence;
    private final ActionStore store;
    private final ActionCheckStore checks;
    private final Clock clock;

    public ActionDerivation(ActionEvidenceReader evidence, ActionStore store, ActionCheckStore checks, Clock clock) {
        this.evidence = evidence;
        this.store = store;
        this.checks = checks;
        this.clock = clock;
    }

    /** The first and last day the derivation needs the calendar of; empty without prices. */
    public Optional<LocalDate[]> span() {
        return evidence.span();
    }

    /** A summary of the evidence that changes whenever collected evidence does (see the reader). */
    public String evidenceFingerprint() {
        return evidence.fingerprint();
    }

    public Derived derive(TradingDays days) {
        List<Dividend> dividends = evidence.dividends();
        Map<String, Map<LocalDate, BigDecimal>> stockDividends = CashDividends.stockDividends(dividends, days);
        List<Action> actions = new ArrayList<>(ReferencePriceEvents.derive(evidence.steps(LISTING_WINDOW_CALENDAR_DAYS),
                days, evidence.parChanges(), evidence.parChecks(), stockDividends));
        List<CashDividends.Dated> dated = CashDividends.dated(dividends, days);
        actions.addAll(CashDividends.actions(dated, evidence.closes(
                dated.stream().map(d -> d.dividend().code()).toList(),
                dated.stream().map(CashDividends.Dated::previousDate).toList())));
        return new Derived(actions, stockDividends);
    }

    /**
     * Writes what changed, {@code batchStocks} stocks per transaction: their actions, withdrawals, factor steps and
     * versions. A stock also counts as changed when its stored steps differ from those its actions give (a step
     * table written by hand, or lost).
     */
    public Written write(Derived derived, Transactions transactions, int batchStocks) {
        Instant now = clock.instant();
        Changes changes = ActionChanges.between(derived.actions(), store.stored(), now);
        Map<String, List<FactorStep>> factors = AdjustmentFactors.of(derived.actions());
        Set<String> codes = new TreeSet<>(changes.codes());
        Map<String, List<FactorStep>> stored = store.factors();
        for (String code : union(factors.keySet(), stored.keySet())) {
            if (!Objects.equals(factors.getOrDefault(code, List.of()), stored.getOrDefault(code, List.of()))) {
                codes.add(code);
            }
        }
        List<String> ordered = new ArrayList<>(codes);
        for (int from = 0; from < ordered.size(); from += batchStocks) {
            Set<String> batch = new TreeSet<>(ordered.subList(from, Math.min(ordered.size(), from + batchStocks)));
            List<ActionWrite> upserts = changes.upserts().stream().filter(w -> batch.contains(w.action().code()))
                    .toList();
            List<Key> withdrawals = changes.withdrawals().stream().filter(k -> batch.contains(k.code())).toList();
            List<FactorStep> steps = batch.stream().flatMap(c -> factors.getOrDefault(c, List.of()).stream()).toList();
            transactions.run(() -> store.write(upserts, withdrawals, batch, steps, now));
        }
        return new Written(changes.upserts().size(), changes.withdrawals().size(), codes.size());
    }

    /** Records what Naver and KRX's dividend screen say about the live actions; returns the checks written. */
    public int check(Derived derived, Transactions transactions) {
        List<Check> found = new ArrayList<>(ActionChecks.naver(derived.actions(), checks.naverPairs()));
        found.addAll(ActionChecks.krxDividends(derived.actions(), derived.stockDividends()));
        Map<String, Check> stored = checks.stored();
        List<Check> changed = found.stream().filter(c -> !c.equals(stored.get(ActionCheckStore.key(c)))).toList();
        if (!changed.isEmpty()) {
            Instant now = clock.instant();
            transactions.run(() -> checks.write(changed, now));
        }
        return changed.size();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> union = new TreeSet<>(a);
        union.addAll(b);
        return union;
    }
}
