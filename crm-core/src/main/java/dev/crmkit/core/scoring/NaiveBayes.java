package dev.crmkit.core.scoring;

import dev.crmkit.core.kernel.ValidationException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Trains naive-Bayes {@link WinModel}s from closed history, with additive (Laplace for alpha 1) smoothing.
 * Immutable and thread-safe.
 *
 * <p>With {@code n_won} won and {@code n_lost} lost examples and smoothing {@code a}:
 * <ul>
 *   <li>prior log-odds {@code ln((n_won + a) / (n_lost + a))};</li>
 *   <li>a single-valued field with {@code K} values seen in training: {@code P(v | c) = (count(v, c) + a) /
 *       (n_c with the field + a K)}, and value {@code v} contributes {@code ln(P(v | won) / P(v | lost))};</li>
 *   <li>a multi-valued field (tags), each tag seen in training a yes/no feature: {@code P(t | c) = (count(t, c) + a)
 *       / (n_c + 2a)}; a present tag contributes {@code ln(P(t | won) / P(t | lost))}, an absent one
 *       {@code ln((1 - P(t | won)) / (1 - P(t | lost)))}.</li>
 * </ul>
 * A value or tag never seen in training contributes 0, and a missing field nothing: unseen values do no harm.
 *
 * @param fields      the single- and multi-valued fields the model reads
 * @param multiValued which of them are multi-valued
 * @param alpha       the smoothing, positive
 */
public record NaiveBayes(Set<String> fields, Set<String> multiValued, double alpha) {

    /** Validates the settings. */
    public NaiveBayes {
        fields = Set.copyOf(fields);
        multiValued = Set.copyOf(multiValued);
        if (fields.isEmpty()) {
            throw ValidationException.of("fields", "required", "a win model needs at least one field");
        }
        if (!fields.containsAll(multiValued)) {
            throw ValidationException.of("multiValued", "subset", "multi-valued fields must be among the fields");
        }
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw ValidationException.of("alpha", "positive", "the smoothing must be positive, got " + alpha);
        }
    }

    /** Every field of {@link WinFields}, tags multi-valued, Laplace smoothing (alpha 1). */
    public static NaiveBayes standard() {
        return new NaiveBayes(WinFields.ALL, Set.of(WinFields.TAGS), 1.0);
    }

    /**
     * Trains a model.
     *
     * @throws ValidationException if the history is empty
     */
    public WinModel train(List<WinExample> history) {
        Objects.requireNonNull(history, "history");
        if (history.isEmpty()) {
            throw ValidationException.of("history", "required", "a win model needs closed history to learn from");
        }
        int[] classTotals = new int[2];
        Map<String, int[]> withField = new HashMap<>();
        Map<String, Map<String, int[]>> counts = new HashMap<>();
        for (WinExample example : history) {
            int c = example.won() ? 0 : 1;
            classTotals[c]++;
            for (String field : fields) {
                Set<String> values = example.features().getOrDefault(field, Set.of());
                if (values.isEmpty()) {
                    continue;
                }
                withField.computeIfAbsent(field, f -> new int[2])[c]++;
                Set<String> counted = multiValued.contains(field) ? values
                        : Set.of(values.stream().sorted().findFirst().orElseThrow());
                for (String value : counted) {
                    counts.computeIfAbsent(field, f -> new HashMap<>()).computeIfAbsent(value, v -> new int[2])[c]++;
                }
            }
        }
        double prior = Math.log((classTotals[0] + alpha) / (classTotals[1] + alpha));
        Map<String, Map<String, Double>> single = new HashMap<>();
        Map<String, Map<String, double[]>> multi = new HashMap<>();
        counts.forEach((field, byValue) -> {
            if (multiValued.contains(field)) {
                Map<String, double[]> ratios = new HashMap<>();
                byValue.forEach((tag, n) -> {
                    double won = (n[0] + alpha) / (classTotals[0] + 2 * alpha);
                    double lost = (n[1] + alpha) / (classTotals[1] + 2 * alpha);
                    ratios.put(tag, new double[] {Math.log(won / lost), Math.log((1 - won) / (1 - lost))});
                });
                multi.put(field, ratios);
            } else {
                int k = byValue.size();
                int[] with = withField.get(field);
                Map<String, Double> ratios = new HashMap<>();
                byValue.forEach((value, n) -> ratios.put(value, Math.log(
                        ((n[0] + alpha) / (with[0] + alpha * k)) / ((n[1] + alpha) / (with[1] + alpha * k)))));
                single.put(field, ratios);
            }
        });
        return new WinModel(prior, single, multi, history.size());
    }

    /**
     * Trains one model per group (team or pipeline) of the history plus one over all of it; a group with fewer than
     * {@code minExamples} examples uses the overall model.
     *
     * @param groupOf     the group of an example
     * @param minExamples the least number of examples a group needs for a model of its own, at least 1
     */
    public WinModels trainPerGroup(List<WinExample> history, Function<WinExample, String> groupOf, int minExamples) {
        Objects.requireNonNull(groupOf, "groupOf");
        if (minExamples < 1) {
            throw ValidationException.of("minExamples", "positive", "a group needs at least 1 example: "
                    + minExamples);
        }
        Map<String, List<WinExample>> groups = new HashMap<>();
        for (WinExample example : history) {
            groups.computeIfAbsent(groupOf.apply(example), g -> new ArrayList<>()).add(example);
        }
        Map<String, WinModel> models = new HashMap<>();
        groups.forEach((group, examples) -> {
            if (examples.size() >= minExamples) {
                models.put(group, train(examples));
            }
        });
        return new WinModels(models, train(history));
    }
}
