/**
 * The scheduler's ways to other HTTP services: ml-service's internal API and the operators' webhook. As in every
 * kmarket service, {@code XxxRestClient} is the REST client interface and {@code XxxClient} the bean the rest of the
 * service injects, which carries the fault tolerance (timeouts, retries, circuit breaker) around it.
 */
package io.kmarket.scheduler.client;
