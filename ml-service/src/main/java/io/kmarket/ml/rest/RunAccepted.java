package io.kmarket.ml.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.ws.rs.core.Response;

import io.quarkus.runtime.annotations.RegisterForReflection;

import io.kmarket.ml.repository.RunRepository.Run;

/** The 202 answer of every endpoint that starts a run; poll {@code Location} for its outcome. */
@RegisterForReflection
public record RunAccepted(UUID runId, String kind, String status) {

    static Response of(Run run) {
        return Response.accepted(new RunAccepted(run.runId(), run.kind(), run.status()))
                .location(URI.create("/internal/runs/" + run.runId()))
                .build();
    }
}
