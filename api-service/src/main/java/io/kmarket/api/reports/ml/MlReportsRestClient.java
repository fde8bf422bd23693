package io.kmarket.api.reports.ml;

import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * ml-service's internal report API ({@code /internal/reports}: ml-service's ReportResource; the answers this service
 * reads are pinned on ml-service's side by its ApiServiceStubsTest). Answers come back as raw responses, whatever
 * their status (the default exception mapper is disabled in application.properties), so {@link MlReportsClient} can
 * relay ml-service's 4xx answers and treat only 5xx and transport failures as faults.
 */
@RegisterRestClient(configKey = "ml-service")
@Path("/internal/reports")
@ClientHeaderParam(name = "X-Internal-Token", value = "${kmarket.internal.token}")
interface MlReportsRestClient {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Response submit(ReportSubmission submission);

    @GET
    @Path("/{id}")
    Response report(@PathParam("id") UUID id);

    @GET
    @Path("/{id}/html")
    Response reportHtml(@PathParam("id") UUID id);
}
