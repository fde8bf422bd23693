package io.kmarket.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The git checkout on disk, as the tests read it: files, YAML/JSON documents, the parent pom's modules. */
final class Checkout {

    static final Path ROOT = Path.of(System.getProperty("kmarket.root", "../..")).toAbsolutePath().normalize();

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new JsonMapper();
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

    private Checkout() {
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        return read(path(relative));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of a (possibly multi-document) YAML file; throws when the file does not parse. */
    static List<JsonNode> yaml(Path file) {
        try (var values = YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
            List<JsonNode> docs = new ArrayList<>();
            while (values.hasNextValue()) {
                JsonNode doc = values.nextValue();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException("not valid YAML: " + file, e);
        }
    }

    static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("not valid JSON: " + file, e);
        }
    }

    static List<Path> filesUnder(String relativeDir, String... extensions) {
        try (Stream<Path> files = Files.walk(path(relativeDir))) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> Stream.of(extensions).anyMatch(ext -> f.getFileName().toString().endsWith(ext)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The module directories the parent pom lists, in order. */
    static List<String> modules() {
        Matcher m = MODULE.matcher(read("pom.xml"));
        List<String> modules = new ArrayList<>();
        while (m.find()) {
            modules.add(m.group(1).trim());
        }
        return modules;
    }
}
