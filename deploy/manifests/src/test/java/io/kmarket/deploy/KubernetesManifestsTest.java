package io.kmarket.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

class KubernetesManifestsTest {

    /** Applied by hand with an admin Secret (see the file), hence not in kustomization.yaml. */
    private static final String ROLES_JOB = "db-roles-job.yaml";
    private static final Set<String> NAMESPACED = Set.of("Deployment", "Service", "ConfigMap", "Secret",
            "HorizontalPodAutoscaler", "PodDisruptionBudget", "Job");

    private final Kubernetes k8s = new Kubernetes();

    static Stream<ServiceModule> services() {
        return ServiceModule.SERVICES.stream();
    }

    @Test
    void everyManifestParsesAndNamesItsKindAndNamespace() {
        assertThat(Kubernetes.files()).hasSizeGreaterThanOrEqualTo(7);
        for (Path file : Kubernetes.files()) {
            List<JsonNode> docs = Checkout.yaml(file);
            assertThat(docs).as(file.toString()).isNotEmpty();
            if (file.getFileName().toString().equals("kustomization.yaml")) {
                continue;
            }
            for (JsonNode doc : docs) {
                String what = file.getFileName() + ": " + doc.path("kind").asText() + " " + doc.path("metadata").path("name");
                assertThat(doc.path("apiVersion").asText()).as(what).isNotBlank();
                assertThat(doc.path("metadata").path("name").asText()).as(what).isNotBlank();
                if (NAMESPACED.contains(doc.path("kind").asText())) {
                    assertThat(doc.path("metadata").path("namespace").asText()).as(what).isEqualTo("kmarket");
                }
            }
        }
    }

    @Test
    void kustomizationListsEveryManifestButTheRolesJob() {
        Set<String> listed = new TreeSet<>();
        Kubernetes.kustomization().path("resources").forEach(r -> listed.add(r.asText()));
        Set<String> files = new TreeSet<>();
        Kubernetes.files().forEach(f -> files.add(Checkout.path(Kubernetes.DIR).relativize(f).toString()));
        files.removeAll(Set.of("kustomization.yaml", ROLES_JOB, Kubernetes.SECRETS_EXAMPLE));
        assertThat(listed).isEqualTo(files);
        Set<String> images = new TreeSet<>();
        Kubernetes.kustomization().path("images").forEach(i -> images.add(i.path("name").asText()));
        services().forEach(s -> assertThat(Kubernetes.mainContainer(k8s.get("Deployment", s.name())).path("image")
                .asText()).startsWith(imageName(s, images)));
    }

    private static String imageName(ServiceModule service, Set<String> kustomizedImages) {
        String image = "kmarket/" + service.name();
        assertThat(kustomizedImages).as("kustomization images").contains(image);
        return image + ":";
    }

    @Test
    void imagesAreTaggedWithTheProjectVersion() {
        Matcher version = Pattern.compile("<artifactId>kmarket-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Checkout.read("pom.xml"));
        assertThat(version.find()).as("the root pom's version").isTrue();
        assertThat(Kubernetes.kustomization().path("images")).isNotEmpty().allSatisfy(image -> assertThat(
                image.path("newTag").asText()).as(image.path("name").asText()).isEqualTo(version.group(1)));
        services().forEach(s -> assertThat(Kubernetes.mainContainer(k8s.get("Deployment", s.name())).path("image")
                .asText()).isEqualTo("kmarket/" + s.name() + ":" + version.group(1)));
    }

    @Test
    void apiServiceReplicasAreLeftToItsAutoscaler() {
        // A count in the Deployment resets the HorizontalPodAutoscaler's on every apply (and rolls back a scale-up).
        assertThat(k8s.get("Deployment", "api-service").path("spec").has("replicas")).isFalse();
    }

    @Test
    void apiServiceRollsWithoutLosingCapacity() {
        JsonNode api = k8s.get("Deployment", "api-service");
        JsonNode strategy = api.path("spec").path("strategy");
        assertThat(strategy.path("type").asText()).isEqualTo("RollingUpdate");
        assertThat(strategy.path("rollingUpdate").path("maxUnavailable").asText()).isIn("0", "0%");
    }

    @Test
    void apiServiceHasAnHorizontalPodAutoscalerOnCpu() {
        List<JsonNode> hpas = k8s.all("HorizontalPodAutoscaler").stream()
                .filter(h -> h.path("spec").path("scaleTargetRef").path("name").asText().equals("api-service")).toList();
        assertThat(hpas).hasSize(1);
        JsonNode hpa = hpas.getFirst();
        assertThat(hpa.path("apiVersion").asText()).isEqualTo("autoscaling/v2");
        assertThat(hpa.path("spec").path("scaleTargetRef").path("kind").asText()).isEqualTo("Deployment");
        assertThat(hpa.path("spec").path("minReplicas").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(hpa.path("spec").path("maxReplicas").asInt())
                .isGreaterThan(hpa.path("spec").path("minReplicas").asInt());
        assertThat(hpa.path("spec").path("metrics").findValuesAsText("name")).contains("cpu");
        // An HPA on CPU utilisation needs a CPU request to compute it against.
        assertThat(Kubernetes.mainContainer(k8s.get("Deployment", "api-service"))
                .path("resources").path("requests").path("cpu").asText()).isNotBlank();
    }

    @Test
    void apiServiceHasAPodDisruptionBudgetSelectingItsPods() {
        JsonNode api = k8s.get("Deployment", "api-service");
        List<JsonNode> pdbs = k8s.all("PodDisruptionBudget").stream()
                .filter(p -> Kubernetes.selects(p.path("spec").path("selector").path("matchLabels"), api)).toList();
        assertThat(pdbs).hasSize(1);
        assertThat(pdbs.getFirst().path("apiVersion").asText()).isEqualTo("policy/v1");
        assertThat(pdbs.getFirst().path("spec").path("minAvailable").asInt()).isEqualTo(1);
    }

    @Test
    void schedulerRunsExactlyOneReplicaReplacedByRecreate() {
        JsonNode scheduler = k8s.get("Deployment", "scheduler-service");
        assertThat(scheduler.path("spec").path("replicas").asInt()).isEqualTo(1);
        assertThat(scheduler.path("spec").path("strategy").path("type").asText()).isEqualTo("Recreate");
        assertThat(k8s.all("HorizontalPodAutoscaler")).noneMatch(
                h -> h.path("spec").path("scaleTargetRef").path("name").asText().equals("scheduler-service"));
    }

    @ParameterizedTest
    @MethodSource("services")
    void deploymentSelectsItsPodsAndItsServiceReachesThePort(ServiceModule service) {
        JsonNode deployment = k8s.get("Deployment", service.name());
        assertThat(Kubernetes.selects(deployment.path("spec").path("selector").path("matchLabels"), deployment)).isTrue();
        JsonNode container = Kubernetes.mainContainer(deployment);
        int port = servicePort(service, container);
        assertThat(container.path("ports").findValues("containerPort")).extracting(JsonNode::asInt).contains(port);
        JsonNode svc = k8s.get("Service", service.name());
        assertThat(Kubernetes.selects(svc.path("spec").path("selector"), deployment)).isTrue();
        assertThat(svc.path("spec").path("ports")).singleElement().satisfies(p -> {
            assertThat(p.path("port").asInt()).isEqualTo(port);
            assertThat(Kubernetes.resolvePort(container, p.path("targetPort"))).isEqualTo(port);
        });
    }

    @ParameterizedTest
    @MethodSource("services")
    void probesAskTheRealHealthEndpointsOnTheServicePort(ServiceModule service) {
        JsonNode container = Kubernetes.mainContainer(k8s.get("Deployment", service.name()));
        int port = servicePort(service, container);
        Map<String, String> expected = Map.of("startupProbe", "/q/health/started",
                "readinessProbe", "/q/health/ready", "livenessProbe", "/q/health/live");
        expected.forEach((probe, path) -> {
            JsonNode get = container.path(probe).path("httpGet");
            assertThat(get.path("path").asText()).as(service.name() + " " + probe).isEqualTo(path);
            assertThat(Kubernetes.resolvePort(container, get.path("port"))).as(service.name() + " " + probe).isEqualTo(port);
        });
    }

    @ParameterizedTest
    @MethodSource("services")
    void podsAreScrapedOnTheMetricsPath(ServiceModule service) {
        JsonNode deployment = k8s.get("Deployment", service.name());
        JsonNode annotations = deployment.path("spec").path("template").path("metadata").path("annotations");
        assertThat(annotations.path("prometheus.io/scrape").asText()).isEqualTo("true");
        assertThat(annotations.path("prometheus.io/path").asText())
                .isEqualTo(service.properties().get("quarkus.micrometer.export.prometheus.path"));
        assertThat(annotations.path("prometheus.io/port").asInt())
                .isEqualTo(servicePort(service, Kubernetes.mainContainer(deployment)));
    }

    @ParameterizedTest
    @MethodSource("services")
    void everyVariableTheServiceNeedsIsSet(ServiceModule service) {
        assertThat(service.envVars().keySet()).as("the checked list names variables %s reads", service.name())
                .containsAll(ProdSettings.listed(service));
        Set<String> env = k8s.env(Kubernetes.mainContainer(k8s.get("Deployment", service.name())));
        assertThat(env).as(service.name() + " environment").containsAll(ProdSettings.mustSet(service));
    }

    @ParameterizedTest
    @MethodSource("services")
    void everyKmarketVariableSetIsOneTheServiceReads(ServiceModule service) {
        Set<String> set = new TreeSet<>(k8s.env(Kubernetes.mainContainer(k8s.get("Deployment", service.name()))));
        set.removeIf(name -> !name.startsWith("KMARKET_"));
        assertThat(service.envVars().keySet()).as("variables %s reads", service.name()).containsAll(set);
    }

    @ParameterizedTest
    @MethodSource("services")
    void gracePeriodCoversTheDrainSleepAndTheGracefulShutdown(ServiceModule service) {
        JsonNode deployment = k8s.get("Deployment", service.name());
        JsonNode container = Kubernetes.mainContainer(deployment);
        Duration shutdown = k8s.envValue(container, "KMARKET_SHUTDOWN_TIMEOUT").map(ServiceModule::duration)
                .orElse(service.defaultShutdownTimeout());
        Duration delay = k8s.envValue(container, "KMARKET_SHUTDOWN_DELAY").map(ServiceModule::duration)
                .orElse(service.defaultShutdownDelay());
        long sleep = container.path("lifecycle").path("preStop").path("sleep").path("seconds").asLong();
        assertThat(sleep).as("preStop sleep lets the endpoints drain").isPositive();
        assertThat(Kubernetes.podSpec(deployment).path("terminationGracePeriodSeconds").asLong())
                .isGreaterThan(sleep + delay.toSeconds() + shutdown.toSeconds());
    }

    @ParameterizedTest
    @MethodSource("services")
    void containersRunAsNonRootWithMemoryLimits(ServiceModule service) {
        JsonNode deployment = k8s.get("Deployment", service.name());
        assertThat(Kubernetes.podSpec(deployment).path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
        JsonNode resources = Kubernetes.mainContainer(deployment).path("resources");
        assertThat(resources.path("limits").path("memory").asText()).isNotBlank();
        assertThat(resources.path("requests").path("memory").asText()).isNotBlank();
    }

    @Test
    void everyReferencedConfigMapAndSecretKeyExists() {
        for (JsonNode deployment : k8s.all("Deployment")) {
            for (JsonNode container : Kubernetes.podSpec(deployment).path("containers")) {
                for (JsonNode from : container.path("envFrom")) {
                    if (from.has("configMapRef")) {
                        assertThat(k8s.find("ConfigMap", from.path("configMapRef").path("name").asText())).isPresent();
                    }
                    if (from.has("secretRef")) {
                        assertThat(k8s.find("Secret", from.path("secretRef").path("name").asText())).isPresent();
                    }
                }
                for (JsonNode ref : container.path("env").findValues("secretKeyRef")) {
                    assertThat(k8s.keys("Secret", ref.path("name").asText())).contains(ref.path("key").asText());
                }
                for (JsonNode ref : container.path("env").findValues("configMapKeyRef")) {
                    assertThat(k8s.keys("ConfigMap", ref.path("name").asText())).contains(ref.path("key").asText());
                }
            }
        }
    }

    @Test
    void applyingTheManifestsReplacesNoSecret() {
        assertThat(k8s.all("Secret")).as("Secrets applied by kubectl apply -k").isEmpty();
    }

    @Test
    void theSecretsExampleHoldsOnlyPlaceholders() {
        assertThat(k8s.operatorSecrets).isNotEmpty().allSatisfy(secret -> {
            assertThat(secret.path("kind").asText()).isEqualTo("Secret");
            assertThat(secret.has("data")).as("base64 data hides what is committed").isFalse();
            secret.path("stringData").forEach(value -> assertThat(value.asText()).isEqualTo("CHANGE_ME"));
        });
    }

    @Test
    void theReadmeCreatesEveryExampleSecretFromTheOperatorsValues() {
        String readme = Checkout.read("deploy/README.md");
        Map<String, Set<String>> created = SecretCommands.created(readme);
        Map<String, Set<String>> example = new TreeMap<>();
        k8s.operatorSecrets.forEach(secret -> example.put(secret.path("metadata").path("name").asText(),
                k8s.keys("Secret", secret.path("metadata").path("name").asText())));
        assertThat(created).isEqualTo(example);
        assertThat(SecretCommands.literalValues(readme)).as("values are the operator's (shell expansions)")
                .allSatisfy(value -> assertThat(value).startsWith("\"$"));
        assertThat(readme.indexOf("create secret generic kmarket-internal"))
                .as("the Secrets exist before the first apply").isPositive()
                .isLessThan(readme.indexOf("kubectl apply -k deploy/k8s"));
    }

    @Test
    void rolesConfigMapIsDeployDbRolesSqlVerbatim() {
        assertThat(k8s.get("ConfigMap", "kmarket-db-roles").path("data").path("roles.sql").asText())
                .isEqualTo(Checkout.read("deploy/db/roles.sql"));
        List<JsonNode> job = Checkout.yaml(Checkout.path(Kubernetes.DIR).resolve(ROLES_JOB));
        assertThat(job).singleElement().satisfies(j -> {
            assertThat(j.path("kind").asText()).isEqualTo("Job");
            assertThat(j.findValues("configMap").stream().map(c -> c.path("name").asText())).contains("kmarket-db-roles");
            for (JsonNode ref : j.findValues("secretKeyRef")) {
                assertThat(k8s.keys("Secret", ref.path("name").asText())).contains(ref.path("key").asText());
            }
        });
    }

    /** The port the service listens on in this Deployment: KMARKET_HTTP_PORT when set, else its default. */
    private int servicePort(ServiceModule service, JsonNode container) {
        return k8s.envValue(container, "KMARKET_HTTP_PORT").map(Integer::parseInt).orElse(service.defaultPort());
    }
}
