package io.kmarket.scheduler.client;

import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Timeout;

import io.kmarket.scheduler.job.config.JobsConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/** Posts operator notifications to the Slack-compatible webhook of kmarket.jobs.webhook-url. */
@ApplicationScoped
public class WebhookClient {

    private final Optional<WebhookRestClient> client;

    WebhookClient(JobsConfig config) {
        // Built by hand because the URL is optional: no webhook configured means no client at all.
        this.client = config.webhookUrl().filter(url -> !url.isBlank())
                .map(url -> QuarkusRestClientBuilder.newBuilder().baseUri(URI.create(url))
                        .build(WebhookRestClient.class));
    }

    public boolean configured() {
        return client.isPresent();
    }

    /** One attempt: the alert outbox retries a failed POST later, with back-off. */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    public void post(String text) {
        client.orElseThrow(() -> new IllegalStateException("no webhook configured")).post(Map.of("text", text));
    }
}
