package io.kmarket.scheduler.actions;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.kmarket.scheduler.actions.store.ActionRows.Action;
import io.kmarket.scheduler.actions.store.ActionRows.ActionWrite;
import io.kmarket.scheduler.actions.store.ActionRows.Key;
import io.kmarket.scheduler.actions.store.ActionRows.StoredAction;

/**
 * What a rescan changes in market.corporate_actions: new actions, actions whose facts changed (a step classified
 * once its new shares listed, a corrected price), actions no longer derived (withdrawn, never deleted). An action
 * derived as it is stored is left alone, so a re-run over unchanged data writes nothing.
 */
public final class ActionChanges {

    /** Reads the tree of a JSON text only (no binding): both sides of a comparison go through it. */
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The writes, and the stocks they touch. */
    public record Changes(List<ActionWrite> upserts, List<Key> withdrawals, Set<String> codes) {

        public boolean isEmpty() {
            return upserts.isEmpty() && withdrawals.isEmpty();
        }
    }

    private ActionChanges() {
    }

    public static Changes between(List<Action> derived, Map<Key, StoredAction> stored, Instant now) {
        List<ActionWrite> upserts = new ArrayList<>();
        Set<String> codes = new TreeSet<>();
        Map<Key, Action> byKey = new HashMap<>();
        for (Action action : derived) {
            byKey.put(action.key(), action);
            StoredAction before = stored.get(action.key());
            if (before == null) {
                upserts.add(new ActionWrite(action, now, action.classified() ? now : null, now));
            } else if (!before.live() || !sameFacts(before.action(), action)) {
                Instant classifiedAt = !action.classified() ? null
                        : before.action().classified() && before.classifiedAt() != null ? before.classifiedAt() : now;
                upserts.add(new ActionWrite(action, before.detectedAt(), classifiedAt, now));
            } else {
                continue;
            }
            codes.add(action.code());
        }
        List<Key> withdrawals = new ArrayList<>();
        stored.forEach((key, action) -> {
            if (action.live() && !byKey.containsKey(key)) {
                withdrawals.add(key);
                codes.add(key.code());
            }
        });
        return new Changes(upserts, withdrawals, codes);
    }

    static boolean sameFacts(Action a, Action b) {
        return a.actionType().equals(b.actionType()) && Objects.equals(a.sharesMultiplier(), b.sharesMultiplier())
                && sameAmount(a.cashAmount(), b.cashAmount()) && Objects.equals(a.issuePrice(), b.issuePrice())
                && a.previousClose() == b.previousClose() && Objects.equals(a.referencePrice(), b.referencePrice())
                && a.priceFactor() == b.priceFactor() && Objects.equals(a.sharesBefore(), b.sharesBefore())
                && Objects.equals(a.sharesAfter(), b.sharesAfter())
                && Objects.equals(a.sharesChangedOn(), b.sharesChangedOn()) && a.source().equals(b.source())
                && tree(a.evidence()).equals(tree(b.evidence()));
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** jsonb stores its own spelling of a JSON text (key order, spacing): compared as trees. */
    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
