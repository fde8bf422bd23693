/**
 * The API's way to ml-service. As in every kmarket service, {@code XxxRestClient} is the REST client interface
 * ({@code @RegisterRestClient}) and {@code XxxClient} the bean the rest of the service injects, which carries the
 * fault tolerance (timeouts, retries, circuit breaker, fallback) around it.
 */
package io.kmarket.api.reports.ml;
