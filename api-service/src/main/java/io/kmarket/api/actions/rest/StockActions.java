package io.kmarket.api.actions.rest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.kmarket.api.actions.AdjustmentFactors;
import io.kmarket.api.shared.Csv;
import io.kmarket.api.shared.Decimals;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A stock's corporate actions (withdrawn ones included), oldest first, with their checks, and the cumulative factor
 * steps of its live actions; {@code version} is that of its factors (null when it never had any).
 */
@RegisterForReflection
public record StockActions(String code, Long version, List<CorporateAction> actions,
        List<AdjustmentFactors.Step> factors) {

    private static final String CSV_HEADER = "ex_date,event,action_type,shares_multiplier,cash_amount,issue_price,"
            + "previous_close,reference_price,price_factor,shares_before,shares_after,shares_changed_on,source,"
            + "detected_at,classified_at,updated_at,withdrawn_at,split_factor,total_factor,evidence,checks";

    public boolean isEmpty() {
        return actions.isEmpty() && factors.isEmpty();
    }

    /**
     * One line per action, the columns of the JSON fields; the factor step of the action's ex-date (none for a
     * withdrawn one) as split_factor and total_factor, and the evidence and checks as quoted JSON.
     */
    public String csv(ObjectMapper json) {
        return Csv.table(CSV_HEADER, actions, a -> {
            AdjustmentFactors.Step step = factors.stream().filter(s -> s.exDate().equals(a.exDate())).findFirst()
                    .orElse(null);
            return new Object[] { a.exDate(), a.event(), a.actionType(), plain(a.sharesMultiplier()),
                    a.cashAmount() == null ? null : a.cashAmount().toPlainString(), a.issuePrice(), a.previousClose(),
                    a.referencePrice(), plain(a.priceFactor()), a.sharesBefore(), a.sharesAfter(),
                    a.sharesChangedOn(), a.source(), instant(a.detectedAt()), instant(a.classifiedAt()),
                    instant(a.updatedAt()), instant(a.withdrawnAt()),
                    step == null || a.withdrawnAt() != null ? null : plain(step.splitFactor()),
                    step == null || a.withdrawnAt() != null ? null : plain(step.totalFactor()),
                    Csv.quoted(a.evidence()), Csv.quoted(toJson(json, a.checks())) };
        });
    }

    /** As JSON writes it, seconds included (OffsetDateTime.toString leaves out zero seconds). */
    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    private static Object plain(Double value) {
        return value == null ? null : Decimals.plain(value);
    }

    private static String toJson(ObjectMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the checks", e);
        }
    }

    /** Version of the answer besides its bytes, for the ETag. */
    public String validator() {
        return "adjustment version " + (version == null ? 0 : version);
    }
}
