package dev.crmkit.core.scoring;

import dev.crmkit.core.kernel.ValidationException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * How well a win model predicts held-out history, so a user can tell whether to trust it. Immutable and thread-safe.
 *
 * @param examples        how many held-out examples it was measured on
 * @param auc             the area under the ROC curve, 0 to 1: the chance that a won example gets a higher
 *                        probability than a lost one (ties count half); 0.5 is guessing
 * @param logLoss         the mean negative log-likelihood (natural log) of the outcomes; lower is better
 * @param baselineLogLoss the log loss of always predicting the held-out win rate, to compare with
 */
public record ModelQuality(int examples, double auc, double logLoss, double baselineLogLoss) {

    private static final double EPSILON = 1e-15;

    /**
     * Measures a model on held-out examples.
     *
     * @throws ValidationException if the examples are not both won and lost ones
     */
    public static ModelQuality measure(WinModel model, List<WinExample> heldOut) {
        Objects.requireNonNull(model, "model");
        List<Double> probabilities = heldOut.stream().map(model::probability).toList();
        List<Boolean> outcomes = heldOut.stream().map(WinExample::won).toList();
        double rate = outcomes.stream().filter(w -> w).count() / (double) outcomes.size();
        return new ModelQuality(heldOut.size(), auc(probabilities, outcomes), logLoss(probabilities, outcomes),
                logLoss(probabilities.stream().map(p -> rate).toList(), outcomes));
    }

    /**
     * The rank-based AUC (the Mann-Whitney statistic): tied scores share their average rank.
     *
     * @throws ValidationException if there are no positive or no negative outcomes, or the lists differ in length
     */
    public static double auc(List<Double> scores, List<Boolean> outcomes) {
        check(scores, outcomes);
        int n = scores.size();
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(scores::get));
        double positiveRankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores.get(order.get(j + 1)).doubleValue() == scores.get(order.get(i))) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (outcomes.get(order.get(k))) {
                    positiveRankSum += averageRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            throw ValidationException.of("outcomes", "both-classes", "AUC needs won and lost examples, got "
                    + positives + " won and " + negatives + " lost");
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /**
     * The mean log loss; probabilities are held within {@code [1e-15, 1 - 1e-15]} so a confident mistake costs much
     * but not infinitely.
     */
    public static double logLoss(List<Double> probabilities, List<Boolean> outcomes) {
        check(probabilities, outcomes);
        double sum = 0;
        for (int i = 0; i < probabilities.size(); i++) {
            double p = Math.min(1 - EPSILON, Math.max(EPSILON, probabilities.get(i)));
            sum -= outcomes.get(i) ? Math.log(p) : Math.log(1 - p);
        }
        return sum / probabilities.size();
    }

    /**
     * Splits history into training and held-out parts by a seeded shuffle: the same seed gives the same split.
     *
     * @param testFraction the share held out, strictly between 0 and 1
     */
    public static Split split(List<WinExample> history, double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw ValidationException.of("testFraction", "range", "the held-out share is between 0 and 1, got "
                    + testFraction);
        }
        List<WinExample> shuffled = new ArrayList<>(history);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            WinExample t = shuffled.get(i);
            shuffled.set(i, shuffled.get(j));
            shuffled.set(j, t);
        }
        int test = (int) Math.round(shuffled.size() * testFraction);
        return new Split(shuffled.subList(test, shuffled.size()), shuffled.subList(0, test));
    }

    private static void check(List<?> values, List<Boolean> outcomes) {
        if (values.size() != outcomes.size() || values.isEmpty()) {
            throw ValidationException.of("outcomes", "same-length", "need as many outcomes as predictions, at "
                    + "least one: " + values.size() + " and " + outcomes.size());
        }
    }

    /**
     * History split in two.
     *
     * @param training what the model learns from
     * @param heldOut  what it is measured on
     */
    public record Split(List<WinExample> training, List<WinExample> heldOut) {
        /** Copies the lists. */
        public Split {
            training = List.copyOf(training);
            heldOut = List.copyOf(heldOut);
        }
    }
}
