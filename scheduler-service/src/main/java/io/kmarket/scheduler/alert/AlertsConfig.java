package io.kmarket.scheduler.alert;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Delivery of operator alerts (prefix kmarket.alerts, env KMARKET_ALERTS_...); the URL is kmarket.jobs.webhook-url. */
@ConfigMapping(prefix = "kmarket.alerts")
public interface AlertsConfig {

    /** How often pending alerts (new or due for a retry) and new data-quality findings are looked at. */
    @WithDefault("15s")
    String dispatchEvery();

    /** The wait after a first failed POST; it doubles with every further failure. */
    @WithDefault("PT30S")
    Duration retryInitial();

    /** The longest wait between two attempts: an alert is retried until the webhook takes it. */
    @WithDefault("PT1H")
    Duration retryMax();

    /** How many findings of one check and date an alert lists before "and N more". */
    @WithDefault("10")
    int findingsListed();
}
