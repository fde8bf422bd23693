package io.kmarket.api.actions.rest;

import java.time.OffsetDateTime;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What a second source says about an action (market.corporate_action_checks); a disagreement is only recorded. */
@RegisterForReflection
public record ActionCheck(String source, Double theirFactor, double ourFactor, boolean agrees, String detail,
        OffsetDateTime checkedAt) {
}
