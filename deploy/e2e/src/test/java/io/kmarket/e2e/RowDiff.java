package io.kmarket.e2e;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Stored rows against the truth, both keyed by the table's natural key with every compared column joined in one
 * string: what is missing, what should not be there, and what is there with other values (corrupted).
 */
record RowDiff(String table, int expected, List<String> missing, List<String> unexpected, List<String> corrupted) {

    private static final int SHOWN = 5;

    static RowDiff of(String table, Map<String, String> truth, Map<String, String> stored) {
        TreeSet<String> keys = new TreeSet<>(truth.keySet());
        keys.addAll(stored.keySet());
        List<String> missing = keys.stream().filter(k -> !stored.containsKey(k)).toList();
        List<String> unexpected = keys.stream().filter(k -> !truth.containsKey(k)).toList();
        List<String> corrupted = keys.stream()
                .filter(k -> truth.containsKey(k) && stored.containsKey(k))
                .filter(k -> !Objects.equals(truth.get(k), stored.get(k)))
                .map(k -> k + " truth " + truth.get(k) + " stored " + stored.get(k))
                .toList();
        return new RowDiff(table, truth.size(), missing, unexpected, corrupted);
    }

    boolean clean() {
        return missing.isEmpty() && unexpected.isEmpty() && corrupted.isEmpty();
    }

    @Override
    public String toString() {
        return table + ": " + expected + " rows in the truth, " + missing.size() + " missing " + head(missing) + ", "
                + unexpected.size() + " unexpected " + head(unexpected) + ", " + corrupted.size() + " corrupted "
                + head(corrupted);
    }

    private static List<String> head(List<String> values) {
        return values.subList(0, Math.min(SHOWN, values.size()));
    }
}
