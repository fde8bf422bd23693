package io.kmarket.scheduler.client;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;

/** A Slack-compatible incoming webhook: POST {"text": "..."} to the configured URL itself. */
interface WebhookRestClient {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    void post(Map<String, String> message);
}
