package io.kmarket.scheduler.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/**
 * ml-service's internal API (docs/architecture.md); used only through {@link MlServiceClient}. What it reads is
 * pinned on ml-service's side by its WhatTheSchedulerReadsTest.
 */
@RegisterRestClient(configKey = "ml-service")
@Path("/internal")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ClientHeaderParam(name = "X-Internal-Token", value = "${kmarket.internal.token}")
interface MlServiceRestClient {

    @POST
    @Path("/indicators/compute")
    MlRun computeIndicators(MlDateRequest request);

    @POST
    @Path("/predictions/train")
    MlRun train(MlTrainRequest request);

    @POST
    @Path("/predictions/predict")
    MlRun predict(MlDateRequest request);

    @POST
    @Path("/predictions/evaluate")
    MlRun evaluate(MlDateRequest request);

    @GET
    @Path("/runs/{runId}")
    MlRun run(@PathParam("runId") String runId);

    /** A 409 means "nothing to do for this date yet"; every other error answer keeps the default exception. */
    @ClientExceptionMapper
    static RuntimeException preconditionFailed(Response response) {
        return response.getStatus() == Response.Status.CONFLICT.getStatusCode()
                ? MlPreconditionException.fromProblem(response.readEntity(String.class))
                : null;
    }
}
