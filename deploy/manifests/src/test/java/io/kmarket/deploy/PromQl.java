package io.kmarket.deploy;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough PromQL reading for the dashboard test: the series an expression selects and the labels it names. */
record PromQl(Set<String> series, Set<String> labels) {

    private static final Pattern MATCHERS = Pattern.compile("\\{([^}]*)}");
    private static final Pattern MATCHER_LABEL = Pattern.compile("([a-zA-Z_]\\w*)\\s*(?:=~|!~|!=|=)");
    private static final Pattern GROUPING = Pattern.compile("\\b(?:by|without|on|ignoring)\\s*\\(([^)]*)\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w$.])([a-zA-Z_:][\\w:]*)(?!\\w)(\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "bool", "and", "or", "unless", "offset", "inf", "nan");

    static PromQl parse(String expr) {
        Set<String> labels = new TreeSet<>();
        Matcher matchers = MATCHERS.matcher(expr);
        while (matchers.find()) {
            Matcher label = MATCHER_LABEL.matcher(matchers.group(1));
            while (label.find()) {
                labels.add(label.group(1));
            }
        }
        String rest = expr.replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ").replaceAll("\"[^\"]*\"", " ");
        Matcher grouping = GROUPING.matcher(rest);
        while (grouping.find()) {
            for (String label : grouping.group(1).split(",")) {
                if (!label.isBlank()) {
                    labels.add(label.strip());
                }
            }
        }
        rest = GROUPING.matcher(rest).replaceAll(" ");
        Set<String> series = new TreeSet<>();
        Matcher id = IDENTIFIER.matcher(rest);
        while (id.find()) {
            boolean isCall = id.group(2) != null;
            if (!isCall && !KEYWORDS.contains(id.group(1).toLowerCase())) {
                series.add(id.group(1));
            }
        }
        return new PromQl(series, labels);
    }
}
