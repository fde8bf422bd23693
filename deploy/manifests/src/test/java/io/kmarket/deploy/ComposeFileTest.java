package io.kmarket.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

class ComposeFileTest {

    private static final String DIR = "deploy/compose";
    private static final Pattern HEALTH = Pattern.compile("/dev/tcp/127\\.0\\.0\\.1/(\\d+).*GET (\\S+) HTTP");
    /** ${NAME:-default}, ${NAME-default}, ${NAME:?error}, ${NAME}. */
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Z0-9_]+)(?:(:?[-?])([^}]*))?}");
    private static final Pattern SOURCE_URL = Pattern.compile("KMARKET_SOURCES_([A-Z]+)_BASE_URL");

    private final JsonNode compose = Checkout.yaml(Checkout.path(DIR + "/docker-compose.yml")).getFirst();

    static Stream<ServiceModule> modules() {
        return ServiceModule.ALL.stream();
    }

    static Stream<ServiceModule> services() {
        return ServiceModule.SERVICES.stream();
    }

    @Test
    void everyComposeFileParses() {
        for (Path file : Checkout.filesUnder(DIR, ".yml", ".yaml")) {
            assertThat(Checkout.yaml(file)).as(file.toString()).isNotEmpty();
        }
        assertThat(compose.path("services").path("postgres").path("image").asText()).isEqualTo("postgres:15");
    }

    @Test
    void rolesAreAppliedFromDeployDbRolesSqlBeforeTheServicesStart() {
        JsonNode roles = compose.path("services").path("db-roles");
        Set<String> mounts = new TreeSet<>();
        roles.path("volumes").forEach(v -> mounts.add(v.asText()));
        assertThat(mounts).contains("../db/roles.sql:/kmarket/roles.sql:ro", "./db-init.sh:/kmarket/db-init.sh:ro");
        String script = Checkout.read(DIR + "/db-init.sh");
        // The three psql variables roles.sql reads, each from the environment db-roles gets.
        Matcher vars = Pattern.compile(":'(\\w+)'").matcher(Checkout.read("deploy/db/roles.sql"));
        while (vars.find()) {
            Matcher passed = Pattern.compile("-v " + vars.group(1) + "=\"\\$(\\w+)\"").matcher(script);
            assertThat(passed.find()).as("db-init.sh passes " + vars.group(1)).isTrue();
            assertThat(environment("db-roles")).containsKey(passed.group(1));
        }
        for (ServiceModule service : ServiceModule.SERVICES) {
            assertThat(compose.path("services").path(service.name()).path("depends_on").path("db-roles")
                    .path("condition").asText()).isEqualTo("service_completed_successfully");
        }
    }

    @ParameterizedTest
    @MethodSource("modules")
    void imagesBuildFromTheRepositoryRootWithTheModuleDockerfiles(ServiceModule module) {
        JsonNode build = compose.path("services").path(module.name()).path("build");
        Path context = Checkout.path(DIR).resolve(build.path("context").asText()).normalize();
        assertThat(context).isEqualTo(Checkout.ROOT);
        for (String kind : new String[] {"jvm", "native"}) {
            String dockerfile = build.path("dockerfile").asText().replace("${KMARKET_IMAGE_KIND:-jvm}", kind);
            assertThat(dockerfile).isEqualTo(module.dir() + "/src/main/docker/Dockerfile." + kind);
            assertThat(context.resolve(dockerfile)).isRegularFile();
        }
    }

    @ParameterizedTest
    @MethodSource("modules")
    void healthcheckAsksReadinessOnTheServicePortThatIsPublished(ServiceModule module) {
        JsonNode service = compose.path("services").path(module.name());
        String test = String.join(" ", toList(service.path("healthcheck").path("test")));
        Matcher m = HEALTH.matcher(test);
        assertThat(m.find()).as(test).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isEqualTo(module.defaultPort());
        assertThat(m.group(2)).isEqualTo("/q/health/ready");
        assertThat(service.path("ports")).singleElement()
                .satisfies(p -> assertThat(p.asText()).endsWith(":" + module.defaultPort()));
        assertThat(environment(module.name())).doesNotContainKey("KMARKET_HTTP_PORT");
    }

    @ParameterizedTest
    @MethodSource("services")
    void everyVariableTheServiceNeedsIsSet(ServiceModule service) {
        assertThat(environment(service.name()).keySet()).containsAll(ProdSettings.mustSet(service));
    }

    @ParameterizedTest
    @MethodSource("modules")
    void everyKmarketVariableSetIsOneTheServiceReads(ServiceModule module) {
        Set<String> set = new TreeSet<>(environment(module.name()).keySet());
        set.removeIf(name -> !name.startsWith("KMARKET_"));
        assertThat(module.envVars().keySet()).containsAll(set);
    }

    @Test
    void everySourceOfTheSchedulerPointsAtTheSandbox() {
        Set<String> sources = new TreeSet<>();
        for (String var : ServiceModule.SCHEDULER.envVars().keySet()) {
            Matcher m = SOURCE_URL.matcher(var);
            if (m.matches()) {
                sources.add(m.group(1));
            }
        }
        assertThat(sources).contains("KRX", "DART", "NAVER", "KIS", "DAUM");
        Map<String, String> env = environment("scheduler-service");
        for (String source : sources) {
            assertThat(defaultValue(env.get("KMARKET_SOURCES_" + source + "_BASE_URL")))
                    .isEqualTo("http://sandbox:" + ServiceModule.SANDBOX.defaultPort() + "/" + source.toLowerCase());
        }
    }

    @Test
    void theSandboxAcceptsTheCredentialsTheSchedulerSendsWhichTheOperatorSets() {
        Map<String, String> scheduler = environment("scheduler-service");
        Map<String, String> sandbox = environment("sandbox");
        Map<String, List<String>> accepted = Map.of("KMARKET_SANDBOX_DART_KEYS", List.of("KMARKET_SOURCES_DART_API_KEYS"),
                "KMARKET_SANDBOX_KIS_APP_KEYS", List.of("KMARKET_SOURCES_KIS_APP_KEY"),
                "KMARKET_SANDBOX_KRX_ACCOUNTS", List.of("KMARKET_SOURCES_KRX_USERNAME", "KMARKET_SOURCES_KRX_PASSWORD"));
        accepted.forEach((sandboxVar, sent) -> assertThat(requiredVariables(sandbox.get(sandboxVar))).as(sandboxVar)
                .isEqualTo(sent));
        // No built-in credential: the services refuse fixed ones, so compose takes them from .env.
        for (String credential : List.of("KMARKET_SOURCES_DART_API_KEYS", "KMARKET_SOURCES_KIS_APP_KEY",
                "KMARKET_SOURCES_KIS_APP_SECRET", "KMARKET_SOURCES_KRX_USERNAME", "KMARKET_SOURCES_KRX_PASSWORD")) {
            assertThat(requiredVariables(scheduler.get(credential))).as(credential).containsExactly(credential);
        }
    }

    /** The variables a value interpolates, each of which must be set (${NAME:?error}). */
    private static List<String> requiredVariables(String value) {
        assertThat(value).isNotNull();
        Matcher m = INTERPOLATION.matcher(value);
        List<String> variables = new ArrayList<>();
        while (m.find()) {
            assertThat(m.group(2)).as(m.group()).isEqualTo(":?");
            variables.add(m.group(1));
        }
        return variables;
    }

    @ParameterizedTest
    @MethodSource("services")
    void servicesStartWithoutRequiringEachOther(ServiceModule service) {
        compose.path("services").path(service.name()).path("depends_on").fields().forEachRemaining(dep -> {
            if (ServiceModule.ALL.stream().anyMatch(m -> m.name().equals(dep.getKey()))) {
                assertThat(dep.getValue().path("required").asBoolean(true)).as(service.name() + " -> " + dep.getKey())
                        .isFalse();
                assertThat(dep.getValue().path("condition").asText()).isEqualTo("service_started");
            }
        });
    }

    @ParameterizedTest
    @MethodSource("services")
    void stopGracePeriodCoversTheGracefulShutdown(ServiceModule service) {
        Duration grace = ServiceModule.duration(compose.path("services").path(service.name())
                .path("stop_grace_period").asText("10s"));
        assertThat(grace).isGreaterThan(service.defaultShutdownDelay().plus(service.defaultShutdownTimeout()));
    }

    @Test
    void secretsComeFromTheEnvFileAndTheExampleListsThemAll() throws Exception {
        Set<String> required = new TreeSet<>();
        Matcher m = INTERPOLATION.matcher(Checkout.read(DIR + "/docker-compose.yml"));
        while (m.find()) {
            if (":?".equals(m.group(2))) {
                required.add(m.group(1));
            }
        }
        assertThat(required).contains("KMARKET_INTERNAL_TOKEN", "POSTGRES_PASSWORD");
        Set<String> example = new TreeSet<>();
        for (String line : Files.readAllLines(Checkout.path(DIR + "/.env.example"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                example.add(line.substring(0, line.indexOf('=')));
            }
        }
        assertThat(example).containsAll(required);
        assertThat(Checkout.read(".gitignore")).contains("deploy/compose/.env");
    }

    private Map<String, String> environment(String service) {
        JsonNode env = compose.path("services").path(service).path("environment");
        Map<String, String> vars = new LinkedHashMap<>();
        if (env.isArray()) {
            env.forEach(e -> {
                String[] kv = e.asText().split("=", 2);
                vars.put(kv[0], kv.length > 1 ? kv[1] : "");
            });
        } else {
            env.fields().forEachRemaining(e -> vars.put(e.getKey(), e.getValue().asText()));
        }
        return vars;
    }

    /** The value compose uses when the operator sets nothing: interpolations replaced by their defaults. */
    private static String defaultValue(String value) {
        assertThat(value).isNotNull();
        Matcher m = INTERPOLATION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = m.group(2) != null && m.group(2).endsWith("-") ? m.group(3) : "";
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static List<String> toList(JsonNode array) {
        List<String> items = new ArrayList<>();
        array.forEach(i -> items.add(i.asText()));
        return items;
    }
}
