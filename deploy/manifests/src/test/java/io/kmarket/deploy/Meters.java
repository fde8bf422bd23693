package io.kmarket.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Prometheus series the services export, read from their Java sources (the independent oracle of the
 * dashboard test): every Micrometer Counter/Timer/Gauge registered by name, named the way the Prometheus registry
 * exports it (dots to underscores, counters + _total, timers + _seconds_count/_sum/_max, + _bucket only with a
 * percentile histogram), with the tags it carries.
 */
final class Meters {

    private static final Pattern BUILDER = Pattern.compile("(Counter|Timer|Gauge)\\.builder\\(\\s*\"([^\"]+)\"");
    private static final Pattern SHORTCUT = Pattern.compile("\\.(counter|timer)\\(\\s*\"([a-z][a-z0-9.]*)\"");
    private static final Pattern TAG = Pattern.compile("\\.tag\\(\\s*\"([^\"]+)\"");

    /** Series name -> tag keys. */
    final Map<String, Set<String>> series = new TreeMap<>();

    Meters() {
        for (ServiceModule service : ServiceModule.SERVICES) {
            for (Path file : Checkout.filesUnder(service.dir() + "/src/main/java", ".java")) {
                String java = Checkout.read(file);
                if (java.contains("import io.micrometer.")) {
                    read(java);
                }
            }
        }
        // Quarkus' HTTP server binder: http.server.requests, a timer tagged method/uri/status/outcome; api-service
        // turns its histogram on with a MeterFilter.
        boolean histogram = Checkout.filesUnder(ServiceModule.API.dir() + "/src/main/java", ".java").stream()
                .map(Checkout::read)
                .anyMatch(java -> java.contains("\"http.server.requests\"") && java.contains("percentilesHistogram(true)"));
        timer("http.server.requests", Set.of("method", "uri", "status", "outcome"), histogram);
    }

    private void read(String java) {
        Matcher m = BUILDER.matcher(java);
        while (m.find()) {
            String chain = java.substring(m.start(), java.indexOf(".register(", m.start()));
            Set<String> tags = new TreeSet<>();
            Matcher tag = TAG.matcher(chain);
            while (tag.find()) {
                tags.add(tag.group(1));
            }
            switch (m.group(1)) {
                case "Counter" -> series.put(prometheus(m.group(2)) + "_total", tags);
                case "Gauge" -> series.put(prometheus(m.group(2)), tags);
                default -> timer(m.group(2), tags, chain.contains("publishPercentileHistogram"));
            }
        }
        // registry.counter("name", "k1", v1, "k2", v2): the tag keys are the arguments at odd positions.
        Matcher s = SHORTCUT.matcher(java);
        while (s.find()) {
            List<String> args = arguments(java, java.indexOf('(', s.start()));
            Set<String> tags = new TreeSet<>();
            for (int i = 1; i < args.size(); i += 2) {
                tags.add(args.get(i).replace("\"", ""));
            }
            if (s.group(1).equals("counter")) {
                series.put(prometheus(s.group(2)) + "_total", tags);
            } else {
                timer(s.group(2), tags, false);
            }
        }
    }

    /** The top-level comma-separated arguments of the call whose '(' is at {@code open}. */
    private static List<String> arguments(String java, int open) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (int i = open + 1; i < java.length(); i++) {
            char c = java.charAt(i);
            if (depth == 0 && (c == ',' || c == ')')) {
                args.add(current.toString().strip());
                current.setLength(0);
                if (c == ')') {
                    return args;
                }
                continue;
            }
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            current.append(c);
        }
        throw new IllegalStateException("unbalanced call at " + open);
    }

    private void timer(String name, Set<String> tags, boolean histogram) {
        String base = prometheus(name) + "_seconds";
        for (String suffix : histogram ? new String[] {"_count", "_sum", "_max", "_bucket"}
                : new String[] {"_count", "_sum", "_max"}) {
            Set<String> withLe = new TreeSet<>(tags);
            if (suffix.equals("_bucket")) {
                withLe.add("le");
            }
            series.put(base + suffix, withLe);
        }
    }

    private static String prometheus(String meterName) {
        return meterName.replace('.', '_');
    }

    /** Tag keys of any meter, for the scrape configuration's label-collision check. */
    Set<String> allTags() {
        Set<String> all = new TreeSet<>();
        series.values().forEach(all::addAll);
        return all;
    }
}
