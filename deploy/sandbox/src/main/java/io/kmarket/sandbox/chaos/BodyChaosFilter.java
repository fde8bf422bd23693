package io.kmarket.sandbox.chaos;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Corrupts the finished body of a request that {@link ChaosFilter} flagged: truncation keeps the first half
 * of the bytes; "malformed" answers an HTML page where data was expected, the way KRX does when its login
 * page changes and Naver does for unknown paths.
 */
public class BodyChaosFilter {

    static final byte[] MALFORMED = "<!DOCTYPE html>\n<html><head><title>서비스 점검 안내</title></head><body>잠시 후 다시 이용해 주세요.</body></html>"
            .getBytes(StandardCharsets.UTF_8);

    @ServerResponseFilter
    public void corrupt(ContainerRequestContext request, ContainerResponseContext response) {
        String fault = request.getHeaderString(ChaosFilter.BODY_FAULT_HEADER);
        if (fault == null || !(response.getEntity() instanceof byte[] body)) {
            return;
        }
        if (ChaosControl.Fault.TRUNCATE.name().equals(fault)) {
            response.setEntity(Arrays.copyOf(body, body.length / 2));
        } else {
            response.setEntity(MALFORMED.clone());
        }
    }
}
