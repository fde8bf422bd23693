package io.kmarket.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The `kubectl create secret generic` commands of a document, with their continuation lines joined. */
final class SecretCommands {

    private static final Pattern CREATE = Pattern.compile("kubectl -n kmarket create secret generic (\\S+)(.*)");
    private static final Pattern LITERAL = Pattern.compile("--from-literal=([A-Za-z0-9_.-]+)=(\\S+)");

    private SecretCommands() {
    }

    /** Secret name → the keys its command creates. */
    static Map<String, Set<String>> created(String document) {
        Map<String, Set<String>> secrets = new TreeMap<>();
        for (String command : commands(document)) {
            Matcher create = CREATE.matcher(command);
            create.find();
            Set<String> keys = secrets.computeIfAbsent(create.group(1), name -> new TreeSet<>());
            Matcher literal = LITERAL.matcher(create.group(2));
            while (literal.find()) {
                keys.add(literal.group(1));
            }
        }
        return secrets;
    }

    static List<String> literalValues(String document) {
        List<String> values = new ArrayList<>();
        for (String command : commands(document)) {
            Matcher literal = LITERAL.matcher(command);
            while (literal.find()) {
                values.add(literal.group(2));
            }
        }
        return values;
    }

    private static List<String> commands(String document) {
        List<String> commands = new ArrayList<>();
        String joined = document.replaceAll("\\\\\\n\\s*", " ");
        for (String line : joined.lines().toList()) {
            if (CREATE.matcher(line).find()) {
                commands.add(line.substring(line.indexOf("kubectl")));
            }
        }
        return commands;
    }
}
