package dev.crmkit.core.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A trained naive-Bayes win model (see {@link NaiveBayes} for how it is trained): the prior log-odds and, per field,
 * the log likelihood ratio of each value seen in training. A value never seen contributes nothing, so unseen values
 * do no harm. Immutable and thread-safe.
 */
public final class WinModel {

    private final double priorLogOdds;
    private final Map<String, Map<String, Double>> single;
    private final Map<String, Map<String, double[]>> multi;
    private final int examples;

    WinModel(double priorLogOdds, Map<String, Map<String, Double>> single, Map<String, Map<String, double[]>> multi,
             int examples) {
        this.priorLogOdds = priorLogOdds;
        this.single = Map.copyOf(single);
        this.multi = Map.copyOf(multi);
        this.examples = examples;
    }

    /** How many examples it was trained on. */
    public int examples() {
        return examples;
    }

    /** The log-odds of the training history's (smoothed) win rate. */
    public double priorLogOdds() {
        return priorLogOdds;
    }

    /**
     * The win probability of a record with these field values, explained. Single-valued fields use their first value
     * in sorted order if given several; fields the model was not trained on are ignored.
     */
    public WinPrediction predict(Map<String, Set<String>> features) {
        Map<String, Set<String>> values = WinExample.normalize(features);
        List<Contribution> contributions = new ArrayList<>();
        single.forEach((field, ratios) -> {
            Set<String> given = values.getOrDefault(field, Set.of());
            given.stream().sorted().findFirst().ifPresent(v ->
                    contributions.add(new Contribution(field, v, ratios.getOrDefault(v, 0.0))));
        });
        multi.forEach((field, ratios) -> {
            Set<String> given = values.getOrDefault(field, Set.of());
            ratios.forEach((tag, presentAbsent) -> contributions.add(given.contains(tag)
                    ? new Contribution(field, tag, presentAbsent[0])
                    : new Contribution(field, "not " + tag, presentAbsent[1])));
            given.stream().filter(t -> !ratios.containsKey(t))
                    .forEach(t -> contributions.add(new Contribution(field, t, 0.0)));
        });
        contributions.sort(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.logOdds()))
                .thenComparing(Contribution::field).thenComparing(Contribution::value));
        double logOdds = priorLogOdds + contributions.stream().mapToDouble(Contribution::logOdds).sum();
        return new WinPrediction(1.0 / (1.0 + Math.exp(-logOdds)), priorLogOdds, contributions);
    }

    /** The win probability of an example's values; for quality measurement. */
    public double probability(WinExample example) {
        return predict(Objects.requireNonNull(example, "example").features()).probability();
    }
}
