package io.kmarket.api.actions.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonRawValue;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One row of market.corporate_actions with its checks; {@code evidence} is the stored JSON object as it is, and
 * {@code withdrawnAt} is set on an action the data no longer shows (it is kept, and out of the factors).
 */
@RegisterForReflection
public record CorporateAction(LocalDate exDate, String event, String actionType, Double sharesMultiplier,
        BigDecimal cashAmount, Long issuePrice, long previousClose, Long referencePrice, double priceFactor,
        Long sharesBefore, Long sharesAfter, LocalDate sharesChangedOn, @JsonRawValue String evidence, String source,
        OffsetDateTime detectedAt, OffsetDateTime classifiedAt, OffsetDateTime updatedAt, OffsetDateTime withdrawnAt,
        List<ActionCheck> checks) {

    /** The same action with its checks. */
    public CorporateAction withChecks(List<ActionCheck> of) {
        return new CorporateAction(exDate, event, actionType, sharesMultiplier, cashAmount, issuePrice, previousClose,
                referencePrice, priceFactor, sharesBefore, sharesAfter, sharesChangedOn, evidence, source, detectedAt,
                classifiedAt, updatedAt, withdrawnAt, of);
    }
}
