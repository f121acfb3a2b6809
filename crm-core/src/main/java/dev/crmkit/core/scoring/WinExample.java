package dev.crmkit.core.scoring;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One closed lead or deal of the history a win model learns from: its field values and whether it was won. A
 * single-valued field has one value, a multi-valued one (tags) any number; values compare without regard to case.
 * Immutable and thread-safe.
 *
 * @param features the values of each field; a field without values is absent
 * @param won      whether it was won
 */
public record WinExample(Map<String, Set<String>> features, boolean won) {

    /** Normalizes and copies the values. */
    public WinExample {
        features = normalize(features);
    }

    /** An example with single values per field. */
    public static WinExample of(boolean won, Map<String, String> values) {
        Map<String, Set<String>> features = new HashMap<>();
        values.forEach((field, value) -> features.put(field, Set.of(value)));
        return new WinExample(features, won);
    }

    static Map<String, Set<String>> normalize(Map<String, Set<String>> features) {
        Objects.requireNonNull(features, "features");
        Map<String, Set<String>> copy = new HashMap<>();
        features.forEach((field, values) -> {
            Set<String> clean = values.stream().map(v -> v.strip().toLowerCase(Locale.ROOT))
                    .filter(v -> !v.isEmpty()).collect(Collectors.toUnmodifiableSet());
            if (!clean.isEmpty()) {
                copy.put(Objects.requireNonNull(field, "field"), clean);
            }
        });
        return Map.copyOf(copy);
    }
}
