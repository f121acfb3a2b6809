package dev.crmkit.core.duplicate;

import java.util.ArrayList;
import java.util.List;

/**
 * A Fellegi-Sunter model: for every field and comparison level, the probability m that two records of one person
 * agree at that level and the probability u that two records of different people do. A level weighs
 * log2(m / u) bits; the weights of all fields plus the prior odds give the match probability. An exact match on a
 * first or last name is weighed by how common the name is (term frequency): its weight is adjusted by log2 of the
 * chance that two random records share a name over this name's share, so "smith" counts less than "quackenbush".
 * Immutable and thread-safe.
 */
public final class MatchModel {

    private static final int LEVELS = Level.values().length;
    private static final double FLOOR = 1e-6;
    private static final Field[] FIELDS = Field.values();
    private static final Level[] LEVEL_VALUES = Level.values();

    private final double prior;
    private final double[][] m;
    private final double[][] u;
    private final TermFrequencies frequencies;
    /** log2(m / u) per field and level, computed once: scoring a pair only looks weights up. */
    private final double[][] weights;

    MatchModel(double prior, double[][] m, double[][] u, TermFrequencies frequencies) {
        this.prior = prior;
        this.m = copy(m);
        this.u = copy(u);
        this.frequencies = frequencies;
        this.weights = new double[this.m.length][];
        for (int f = 0; f < weights.length; f++) {
            weights[f] = new double[this.m[f].length];
            for (int l = 0; l < weights[f].length; l++) {
                weights[f][l] = log2(Math.max(this.m[f][l], FLOOR) / Math.max(this.u[f][l], FLOOR));
            }
        }
    }

    /**
     * The model with crmkit's prior estimates, for when there are too few records to estimate from: a match is
     * assumed in one candidate pair in ten.
     */
    public static MatchModel defaults() {
        return new MatchModel(0.1, Priors.m(), Priors.u(), TermFrequencies.none());
    }

    /** The prior probability that a candidate pair is a match. */
    public double prior() {
        return prior;
    }

    /** m: the probability that two records of one person agree on the field at the level. */
    public double m(Field field, Level level) {
        return m[field.ordinal()][level.ordinal()];
    }

    /** u: the probability that two records of different people agree on the field at the level. */
    public double u(Field field, Level level) {
        return u[field.ordinal()][level.ordinal()];
    }

    /** The weight in bits of a level of a field, without term-frequency adjustment; 0 for a missing value. */
    public double weight(Field field, Level level) {
        if (level == Level.MISSING) {
            return 0;
        }
        return weights[field.ordinal()][level.ordinal()];
    }

    MatchModel withFrequencies(TermFrequencies tf) {
        return new MatchModel(prior, m, u, tf);
    }

    MatchModel with(double newPrior, double[][] newM, double[][] newU) {
        return new MatchModel(newPrior, newM, newU, frequencies);
    }

    /** Scores the comparisons of a pair and explains every field's weight. */
    MatchScore score(List<Comparison> comparisons) {
        double total = log2(prior / (1 - prior));
        boolean household = HouseholdRule.applies(levels(comparisons));
        List<Reason> reasons = new ArrayList<>(comparisons.size());
        for (Comparison c : comparisons) {
            double w = weight(c);
            String detail = c.detail();
            if (household && w > 0 && HouseholdRule.discounts(c.field())) {
                w = 0;
                detail += "; not counted: the given names differ and nothing personal agrees (a household shares it)";
            }
            total += w;
            reasons.add(new Reason(c.field(), c.level(), w, detail));
        }
        return new MatchScore(probability(total), total, reasons);
    }

    /** The probability only, without building reasons: for scanning many pairs. */
    double probability(List<Comparison> comparisons) {
        double total = log2(prior / (1 - prior));
        boolean household = HouseholdRule.applies(levels(comparisons));
        for (Comparison c : comparisons) {
            double w = weight(c);
            total += household && w > 0 && HouseholdRule.discounts(c.field()) ? 0 : w;
        }
        return probability(total);
    }

    /** The weight in bits of the levels (ordinals by field ordinal), without term frequencies: for estimation. */
    double bits(byte[] levels) {
        double total = log2(prior / (1 - prior));
        boolean household = HouseholdRule.applies(levels);
        for (Field f : FIELDS) {
            Level level = LEVEL_VALUES[levels[f.ordinal()]];
            double w = weight(f, level);
            total += household && w > 0 && HouseholdRule.discounts(f) ? 0 : w;
        }
        return total;
    }

    static byte[] levels(List<Comparison> comparisons) {
        byte[] levels = new byte[comparisons.size()];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = (byte) comparisons.get(i).level().ordinal();
        }
        return levels;
    }

    private double weight(Comparison c) {
        if (c.level() == Level.EXACT && !c.termKey().isEmpty()) {
            return weight(c.field(), c.level()) + frequencies.adjustment(c.field(), c.termKey());
        }
        return weight(c.field(), c.level());
    }

    static double probability(double weight) {
        return 1 / (1 + Math.pow(2, -weight));
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    static double[][] copy(double[][] values) {
        double[][] out = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            if (values[i].length != LEVELS) {
                throw new IllegalArgumentException("a field needs one value per level");
            }
            out[i] = values[i].clone();
        }
        return out;
    }

    /** m and u as a readable table: {@code FIRST_NAME EXACT m=0.800 u=0.00500 w=+7.3}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(String.format(java.util.Locale.ROOT, "prior=%.4f%n", prior));
        for (Field f : Field.values()) {
            for (Level l : f.levels()) {
                b.append(String.format(java.util.Locale.ROOT, "%s %s m=%.4f u=%.6f w=%+.2f%n", f, l, m(f, l),
                        u(f, l), weight(f, l)));
            }
        }
        return b.toString();
    }
}
