package io.kmarket.deploy;

import java.util.ArrayList;
import java.util.List;

/** A Dockerfile as instructions (continuation lines joined, comments dropped), split into stages. */
record Dockerfile(List<Stage> stages) {

    record Instruction(String keyword, String args) {
        /** Whitespace-separated words, flags (--from=, --chown=) removed. */
        List<String> words() {
            return List.of(args.trim().split("\\s+")).stream().filter(w -> !w.startsWith("--")).toList();
        }

        boolean hasFlag(String prefix) {
            return List.of(args.trim().split("\\s+")).stream().anyMatch(w -> w.startsWith(prefix));
        }
    }

    record Stage(String from, String alias, List<Instruction> instructions) {
        List<Instruction> all(String keyword) {
            return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
        }
    }

    static Dockerfile parse(String text) {
        List<Stage> stages = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (pending.isEmpty() && (line.isEmpty() || line.startsWith("#"))) {
                continue;
            }
            if (line.endsWith("\\")) {
                pending.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            pending.append(line);
            String full = pending.toString().strip();
            pending.setLength(0);
            int space = full.indexOf(' ');
            String keyword = full.substring(0, space).toUpperCase();
            String args = full.substring(space + 1).strip();
            if (keyword.equals("FROM")) {
                String[] parts = args.split("\\s+");
                stages.add(new Stage(parts[0], parts.length == 3 ? parts[2] : null, new ArrayList<>()));
            } else {
                stages.getLast().instructions().add(new Instruction(keyword, args));
            }
        }
        return new Dockerfile(stages);
    }
}
