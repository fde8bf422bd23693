package io.kmarket.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.kmarket.deploy.Dockerfile.Instruction;
import io.kmarket.deploy.Dockerfile.Stage;

class DockerfilesTest {

    private static final Pattern ARTIFACT_ID = Pattern.compile("</parent>\\s*<artifactId>([^<]+)</artifactId>");
    private static final Pattern KMARKET_DEPENDENCY =
            Pattern.compile("<groupId>io\\.kmarket</groupId>\\s*<artifactId>([^<]+)</artifactId>");
    private static final Pattern RESOURCE_DIR = Pattern.compile("<directory>\\$\\{project\\.basedir}/([^<]+)</directory>");

    /** Build image, runtime image prefix and what the runtime stage copies out of the build, per kind. */
    private static final Map<String, List<String>> IMAGES = Map.of(
            "jvm", List.of("eclipse-temurin:25-jdk", "eclipse-temurin:25-jre"),
            "native", List.of("quay.io/quarkus/ubi9-quarkus-mandrel-builder-image:jdk-25",
                    "quay.io/quarkus/ubi9-quarkus-micro-image:"));

    static Stream<Arguments> dockerfiles() {
        return ServiceModule.ALL.stream().flatMap(m -> Stream.of(Arguments.of(m, "jvm"), Arguments.of(m, "native")));
    }

    private static Dockerfile dockerfile(ServiceModule module, String kind) {
        Path file = Checkout.path(module.dir() + "/src/main/docker/Dockerfile." + kind);
        assertThat(file).isRegularFile();
        return Dockerfile.parse(Checkout.read(file));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dockerfiles")
    void buildsInAStageFromTheOfficialImageAndRunsOnTheRuntimeImage(ServiceModule module, String kind) {
        Dockerfile docker = dockerfile(module, kind);
        assertThat(docker.stages()).hasSize(2);
        assertThat(docker.stages().getFirst().from()).isEqualTo(IMAGES.get(kind).get(0));
        assertThat(docker.stages().getFirst().alias()).isEqualTo("build");
        assertThat(docker.stages().getLast().from()).startsWith(IMAGES.get(kind).get(1));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dockerfiles")
    void buildStageCopiesWhatMavenNeedsFromTheRepositoryRoot(ServiceModule module, String kind) {
        Stage build = dockerfile(module, kind).stages().getFirst();
        assertThat(build.all("WORKDIR")).extracting(Instruction::args).containsExactly("/build");
        Set<String> copied = new LinkedHashSet<>();
        for (Instruction copy : build.all("COPY")) {
            List<String> words = copy.words();
            String source = words.getFirst();
            assertThat(Checkout.path(source)).as("COPY " + source).exists();
            String target = words.getLast();
            assertThat(target.equals("./") || target.equals(source) || (source + "/").startsWith(target))
                    .as("COPY %s keeps the repository layout, not %s", source, target).isTrue();
            copied.add(source.replaceAll("/$", ""));
        }
        Set<String> needed = new LinkedHashSet<>(List.of("mvnw", ".mvn", "pom.xml"));
        // Maven reads every module the parent lists, built or not.
        Checkout.modules().forEach(m -> needed.add(m + "/pom.xml"));
        for (String dir : reactorClosure(module.dir())) {
            needed.add(dir + "/src");
            Matcher resources = RESOURCE_DIR.matcher(Checkout.read(dir + "/pom.xml"));
            while (resources.find()) {
                needed.add(Checkout.ROOT.relativize(Checkout.path(dir).resolve(resources.group(1)).normalize()).toString());
            }
        }
        // A copied folder brings everything under it (test-support's src/ holds its src/main/resources).
        List<String> notCopied = needed.stream()
                .filter(path -> copied.stream().noneMatch(c -> path.equals(c) || path.startsWith(c + "/")))
                .toList();
        assertThat(notCopied).as("needed by Maven, copied by no COPY").isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dockerfiles")
    void buildStagePackagesTheModuleWithItsDependencies(ServiceModule module, String kind) {
        List<Instruction> runs = dockerfile(module, kind).stages().getFirst().all("RUN");
        assertThat(runs).singleElement().satisfies(run -> {
            assertThat(run.args()).contains("./mvnw ").contains(" -pl " + module.dir() + " -am package")
                    .contains("-DskipTests");
            if (kind.equals("native")) {
                assertThat(run.args()).contains(" -Dnative");
            } else {
                assertThat(run.args()).doesNotContain("-Dnative");
            }
        });
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dockerfiles")
    void runtimeStageTakesTheDefaultQuarkusOutputOfThatModule(ServiceModule module, String kind) {
        // The paths below are Quarkus' defaults: a custom finalName or package setting would move them.
        assertThat(Checkout.read(module.dir() + "/pom.xml")).doesNotContain("<finalName>");
        assertThat(module.properties().keySet()).noneMatch(k -> k.startsWith("quarkus.package."));
        String target = "/build/" + module.dir() + "/target/";
        List<String> sources = new ArrayList<>();
        for (Instruction copy : dockerfile(module, kind).stages().getLast().all("COPY")) {
            assertThat(copy.hasFlag("--from=build")).as(copy.args()).isTrue();
            sources.add(copy.words().getFirst());
        }
        if (kind.equals("jvm")) {
            assertThat(sources).containsExactlyInAnyOrder(target + "quarkus-app/lib/", target + "quarkus-app/quarkus/",
                    target + "quarkus-app/app/", target + "quarkus-app/quarkus-run.jar");
        } else {
            assertThat(sources).containsExactly(target + "*-runner");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dockerfiles")
    void runtimeStageExposesTheServicePortAsANonRootUser(ServiceModule module, String kind) {
        Stage runtime = dockerfile(module, kind).stages().getLast();
        assertThat(runtime.all("EXPOSE")).extracting(Instruction::args)
                .containsExactly(String.valueOf(module.defaultPort()));
        assertThat(runtime.all("USER")).isNotEmpty().last().extracting(Instruction::args)
                .satisfies(user -> assertThat(user).isNotIn("root", "0").matches("[1-9]\\d*"));
        assertThat(runtime.all("ENTRYPOINT")).hasSize(1);
    }

    @Test
    void dockerignoreKeepsBuildOutputStateAndGitOutOfTheContext() {
        List<String> lines = Checkout.read(".dockerignore").lines().map(String::strip).toList();
        assertThat(lines).contains(".git", ".kmarket", "**/target");
    }

    /** The module directory and the directories of every io.kmarket module it depends on, transitively. */
    private static Set<String> reactorClosure(String dir) {
        Map<String, String> dirsByArtifact = new TreeMap<>();
        for (String module : Checkout.modules()) {
            Matcher m = ARTIFACT_ID.matcher(Checkout.read(module + "/pom.xml"));
            assertThat(m.find()).as(module + " artifactId").isTrue();
            dirsByArtifact.put(m.group(1), module);
        }
        Set<String> closure = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(List.of(dir));
        while (!todo.isEmpty()) {
            String next = todo.removeFirst();
            if (closure.add(next)) {
                String pom = Checkout.read(next + "/pom.xml");
                // After </parent>: the parent is io.kmarket too, but not a module.
                Matcher deps = KMARKET_DEPENDENCY.matcher(pom.substring(pom.indexOf("</parent>")));
                while (deps.find()) {
                    todo.add(dirsByArtifact.get(deps.group(1)));
                }
            }
        }
        return closure;
    }
}
