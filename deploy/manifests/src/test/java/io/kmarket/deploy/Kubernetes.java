package io.kmarket.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * deploy/k8s as `kubectl apply -k` sees it: the documents of the files kustomization.yaml lists, plus the Secrets the
 * operator creates beforehand, as secrets.example.yaml describes them (never applied).
 */
final class Kubernetes {

    static final String DIR = "deploy/k8s";
    static final String SECRETS_EXAMPLE = "secrets.example.yaml";

    /** What applying creates. */
    final List<JsonNode> docs = new ArrayList<>();
    /** What the operator creates from their own values before applying. */
    final List<JsonNode> operatorSecrets = new ArrayList<>();

    Kubernetes() {
        for (JsonNode resource : kustomization().path("resources")) {
            docs.addAll(Checkout.yaml(Checkout.path(DIR).resolve(resource.asText())));
        }
        Path example = Checkout.path(DIR).resolve(SECRETS_EXAMPLE);
        if (Files.isRegularFile(example)) {
            operatorSecrets.addAll(Checkout.yaml(example));
        }
    }

    static JsonNode kustomization() {
        return Checkout.yaml(Checkout.path(DIR + "/kustomization.yaml")).getFirst();
    }

    static List<Path> files() {
        return Checkout.filesUnder(DIR, ".yaml", ".yml");
    }

    /** An applied object, or for a Secret one the operator creates. */
    Optional<JsonNode> find(String kind, String name) {
        return Stream.concat(docs.stream(), operatorSecrets.stream()).filter(d -> d.path("kind").asText().equals(kind))
                .filter(d -> d.path("metadata").path("name").asText().equals(name)).findFirst();
    }

    JsonNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + DIR));
    }

    /** The applied objects of that kind. */
    List<JsonNode> all(String kind) {
        return docs.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
    }

    static JsonNode podSpec(JsonNode workload) {
        return workload.path("spec").path("template").path("spec");
    }

    /** The container named like the workload (each kmarket pod runs one). */
    static JsonNode mainContainer(JsonNode workload) {
        String name = workload.path("metadata").path("name").asText();
        for (JsonNode c : podSpec(workload).path("containers")) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError(name + " has no container named " + name);
    }

    /** Keys of a ConfigMap (data) or Secret (data and stringData). */
    Set<String> keys(String kind, String name) {
        JsonNode doc = get(kind, name);
        Set<String> keys = new TreeSet<>();
        for (String field : List.of("data", "stringData")) {
            doc.path(field).fieldNames().forEachRemaining(keys::add);
        }
        return keys;
    }

    /** Every variable the container gets: env entries plus the keys of each envFrom source (with its prefix). */
    Set<String> env(JsonNode container) {
        Set<String> names = new TreeSet<>();
        container.path("env").forEach(e -> names.add(e.path("name").asText()));
        for (JsonNode from : container.path("envFrom")) {
            String prefix = from.path("prefix").asText("");
            if (from.has("configMapRef")) {
                keys("ConfigMap", from.path("configMapRef").path("name").asText()).forEach(k -> names.add(prefix + k));
            }
            if (from.has("secretRef")) {
                keys("Secret", from.path("secretRef").path("name").asText()).forEach(k -> names.add(prefix + k));
            }
        }
        return names;
    }

    /** The literal value of an env entry, else the value of that key in an envFrom ConfigMap. */
    Optional<String> envValue(JsonNode container, String name) {
        for (JsonNode e : container.path("env")) {
            if (e.path("name").asText().equals(name) && e.has("value")) {
                return Optional.of(e.path("value").asText());
            }
        }
        for (JsonNode from : container.path("envFrom")) {
            if (from.has("configMapRef")) {
                JsonNode data = get("ConfigMap", from.path("configMapRef").path("name").asText()).path("data");
                if (data.has(name)) {
                    return Optional.of(data.path(name).asText());
                }
            }
        }
        return Optional.empty();
    }

    /** A probe's or Service's port: a number, or the name of one of the container's ports. */
    static int resolvePort(JsonNode container, JsonNode port) {
        if (port.isInt()) {
            return port.asInt();
        }
        for (JsonNode p : container.path("ports")) {
            if (p.path("name").asText().equals(port.asText())) {
                return p.path("containerPort").asInt();
            }
        }
        throw new AssertionError("port " + port + " is not a port of container " + container.path("name"));
    }

    /** True when every label of the selector is on the pod template. */
    static boolean selects(JsonNode matchLabels, JsonNode workload) {
        JsonNode labels = workload.path("spec").path("template").path("metadata").path("labels");
        if (matchLabels.isEmpty()) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = matchLabels.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> label = it.next();
            if (!labels.path(label.getKey()).asText("\u0000").equals(label.getValue().asText())) {
                return false;
            }
        }
        return true;
    }
}
