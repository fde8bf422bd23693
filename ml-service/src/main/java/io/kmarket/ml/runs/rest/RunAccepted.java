package io.kmarket.ml.runs.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.ws.rs.core.Response;

import io.kmarket.ml.runs.RunStatus;
import io.kmarket.ml.runs.store.RunRepository.Run;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The 202 answer of every endpoint that starts a run; poll {@code Location} for its outcome. */
@RegisterForReflection
public record RunAccepted(UUID runId, String kind, RunStatus status) {

    public static Response of(Run run) {
        return Response.accepted(new RunAccepted(run.runId(), run.kind(), run.status()))
                .location(URI.create("/internal/runs/" + run.runId()))
                .build();
    }
}
