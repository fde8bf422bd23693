package io.kmarket.kit.internal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.properties.IfBuildProperty;

/** Lets a peer service check that it can reach this one with its token. */
@Path("/internal/status")
@Produces(MediaType.APPLICATION_JSON)
@IfBuildProperty(name = InternalConfig.ENDPOINTS, stringValue = "true", enableIfMissing = true)
public class InternalStatusResource {

    public record Status(String service, String version) {
    }

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @ConfigProperty(name = "quarkus.application.version")
    String version;

    @GET
    public Status status() {
        return new Status(service, version);
    }
}
