package io.kmarket.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class MonitoringTest {

    private static final String DIR = "deploy/monitoring";
    /** Labels Prometheus adds or the scrape configurations set on every series. */
    private static final Set<String> TARGET_LABELS = Set.of("service", "instance", "pod", "namespace");
    /** Prometheus' own per-target series. */
    private static final Set<String> PROMETHEUS_SERIES = Set.of("up");

    private final Meters meters = new Meters();

    @Test
    void theOracleSeesTheMetersTheServicesRegister() {
        // Guards the oracle itself: these are registered in scheduler-service (CollectMetrics, JobMetrics).
        assertThat(meters.series).containsKeys("kmarket_collect_requests_total", "kmarket_collect_circuit_state",
                "kmarket_job_runs_total", "kmarket_job_duration_seconds_bucket", "http_server_requests_seconds_bucket");
        assertThat(meters.series.get("kmarket_job_runs_total")).containsExactlyInAnyOrder("job", "status");
        assertThat(meters.series.get("kmarket_collect_requests_total")).containsExactlyInAnyOrder("site", "outcome");
        assertThat(meters.series).doesNotContainKey("kmarket_collect_ratelimit_wait_seconds_bucket");
    }

    @Test
    void everySeriesTheDashboardQueriesIsOneTheServicesExport() {
        List<String> exprs = exprs();
        assertThat(exprs).hasSizeGreaterThanOrEqualTo(10);
        for (String expr : exprs) {
            PromQl q = PromQl.parse(expr);
            assertThat(q.series()).as(expr).isNotEmpty();
            Set<String> known = new TreeSet<>(TARGET_LABELS);
            for (String series : q.series()) {
                assertThat(meters.series.containsKey(series) || PROMETHEUS_SERIES.contains(series))
                        .as("%s in %s is not exported by any service", series, expr).isTrue();
                known.addAll(meters.series.getOrDefault(series, Set.of()));
            }
            assertThat(known).as("labels of " + expr).containsAll(q.labels());
        }
    }

    @Test
    void dashboardCoversCollectionJobsAndApiLatency() {
        Set<String> queried = new TreeSet<>();
        exprs().forEach(e -> queried.addAll(PromQl.parse(e).series()));
        assertThat(queried).contains(
                "kmarket_collect_requests_total", "kmarket_collect_circuit_state",
                "kmarket_collect_ratelimit_wait_seconds_sum", "kmarket_collect_ratelimit_wait_seconds_count",
                "kmarket_collect_records_total",
                "kmarket_job_runs_total", "kmarket_job_duration_seconds_bucket",
                "http_server_requests_seconds_bucket", "http_server_requests_seconds_count");
        String all = String.join("\n", exprs());
        for (String quantile : List.of("0.5", "0.95", "0.99")) {
            assertThat(all).contains("histogram_quantile(" + quantile + ", sum by (uri, le) (rate(http_server_requests_seconds_bucket");
        }
        assertThat(all).contains("status=~\"5..\"");
    }

    @Test
    void scrapeConfigsReadTheMetricsPathAndKeepTheServicesOwnJobLabel() {
        JsonNode compose = Checkout.yaml(Checkout.path(DIR + "/prometheus.yml")).getFirst();
        JsonNode k8s = Checkout.yaml(Checkout.path(DIR + "/prometheus-kubernetes.yml")).getFirst();
        List<JsonNode> jobs = new ArrayList<>();
        compose.path("scrape_configs").forEach(jobs::add);
        k8s.path("scrape_configs").forEach(jobs::add);
        assertThat(jobs).hasSize(2);
        boolean collides = meters.allTags().contains("job") || meters.allTags().contains("instance");
        for (JsonNode job : jobs) {
            // Without honor_labels Prometheus renames a meter's own `job` tag to exported_job.
            assertThat(job.path("honor_labels").asBoolean()).as(job.path("job_name").asText()).isEqualTo(collides);
        }
        JsonNode staticJob = compose.path("scrape_configs").get(0);
        String metricsPath = ServiceModule.API.properties().get("quarkus.micrometer.export.prometheus.path");
        assertThat(staticJob.path("metrics_path").asText()).isEqualTo(metricsPath);
        Set<String> targets = new TreeSet<>();
        for (JsonNode group : staticJob.path("static_configs")) {
            String service = group.path("labels").path("service").asText();
            group.path("targets").forEach(t -> targets.add(service + "=" + t.asText()));
        }
        Set<String> expected = new TreeSet<>();
        ServiceModule.SERVICES.forEach(s -> {
            assertThat(s.properties().get("quarkus.micrometer.export.prometheus.path")).isEqualTo(metricsPath);
            expected.add(s.name() + "=" + s.name() + ":" + s.defaultPort());
        });
        assertThat(targets).isEqualTo(expected);
        // In Kubernetes the `service` label comes from the pod label the Deployments carry.
        assertThat(k8s.findValues("source_labels").toString())
                .contains("__meta_kubernetes_pod_label_app_kubernetes_io_name")
                .contains("__meta_kubernetes_pod_annotation_prometheus_io_path");
    }

    private static List<String> exprs() {
        JsonNode dashboard = Checkout.json(Checkout.path(DIR + "/grafana/kmarket.json"));
        assertThat(dashboard.path("uid").asText()).isNotBlank();
        List<String> exprs = new ArrayList<>();
        dashboard.findValues("expr").forEach(e -> exprs.add(e.asText()));
        return exprs;
    }
}
