package dev.crmkit.core.duplicate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Estimates a {@link MatchModel} from the records being scanned. u is first estimated from random pairs (almost all
 * of which are two different people); then m, u and the prior are re-estimated by expectation-maximisation over the
 * candidate pairs, since the non-matches that blocking proposes agree more often than random pairs do (a household
 * shares a family name, an address and a phone). m starts from {@link Priors} and u from the random pairs, and both
 * keep their start as pseudo-counts, so a small base falls back to them rather than to noise. Term frequencies of
 * first and last names come from all records.
 */
final class ModelEstimation {

    /** Fewer records than this: the priors are used as they are. */
    static final int MIN_RECORDS = 50;
    static final int RANDOM_PAIRS = 20_000;
    static final int EM_PAIRS = 100_000;
    private static final double U_PSEUDO = 10;
    private static final double M_PSEUDO = 20;
    private static final double U_PSEUDO_EM = 50;
    private static final int ITERATIONS = 20;
    private static final int LEVELS = Level.values().length;
    private static final int MISSING = Level.MISSING.ordinal();

    private ModelEstimation() {
    }

    static MatchModel estimate(List<Prepared> records, long[] candidatePairs, long seed) {
        MatchModel start = MatchModel.defaults();
        if (records.size() < MIN_RECORDS) {
            return start;
        }
        Random random = new Random(seed);
        double[][] u = estimateU(records, random);
        List<byte[]> sample = new ArrayList<>();
        int step = Math.max(1, candidatePairs.length / EM_PAIRS);
        for (int k = 0; k < candidatePairs.length; k += step) {
            long pair = candidatePairs[k];
            sample.add(PairComparison.levels(records.get((int) (pair >>> 32)), records.get((int) pair)));
        }
        MatchModel withU = start.with(start.prior(), Priors.m(), u);
        return expectationMaximisation(withU, sample).withFrequencies(TermFrequencies.of(records));
    }

    private static double[][] estimateU(List<Prepared> records, Random random) {
        double[][] prior = Priors.u();
        double[][] counts = new double[prior.length][LEVELS];
        double[] seen = new double[prior.length];
        long possible = (long) records.size() * (records.size() - 1) / 2;
        int pairs = (int) Math.min(RANDOM_PAIRS, possible);
        for (int k = 0; k < pairs; k++) {
            int i = random.nextInt(records.size());
            int j = random.nextInt(records.size() - 1);
            j = j >= i ? j + 1 : j;
            byte[] levels = PairComparison.levels(records.get(i), records.get(j));
            add(counts, seen, levels, 1);
        }
        double[][] u = new double[prior.length][LEVELS];
        for (int f = 0; f < prior.length; f++) {
            for (int l = 0; l < LEVELS; l++) {
                u[f][l] = (counts[f][l] + U_PSEUDO * prior[f][l]) / (seen[f] + U_PSEUDO);
            }
        }
        return u;
    }

    static MatchModel expectationMaximisation(MatchModel start, List<byte[]> pairs) {
        double[][] priorM = Priors.m();
        double[][] u = new double[priorM.length][LEVELS];
        double[][] m = new double[priorM.length][LEVELS];
        for (Field f : Field.values()) {
            for (Level l : Level.values()) {
                u[f.ordinal()][l.ordinal()] = start.u(f, l);
                m[f.ordinal()][l.ordinal()] = start.m(f, l);
            }
        }
        double[][] randomU = MatchModel.copy(u);
        double prior = start.prior();
        for (int iteration = 0; iteration < ITERATIONS && !pairs.isEmpty(); iteration++) {
            double[][] counts = new double[priorM.length][LEVELS];
            double[] seen = new double[priorM.length];
            double[][] others = new double[priorM.length][LEVELS];
            double[] othersSeen = new double[priorM.length];
            double matches = 0;
            MatchModel current = start.with(prior, m, u);
            for (byte[] levels : pairs) {
                double bits = current.bits(levels);
                double p = MatchModel.probability(bits);
                matches += p;
                add(counts, seen, levels, p);
                add(others, othersSeen, levels, 1 - p);
            }
            for (int f = 0; f < priorM.length; f++) {
                for (int l = 0; l < LEVELS; l++) {
                    m[f][l] = (counts[f][l] + M_PSEUDO * priorM[f][l]) / (seen[f] + M_PSEUDO);
                    u[f][l] = (others[f][l] + U_PSEUDO_EM * randomU[f][l]) / (othersSeen[f] + U_PSEUDO_EM);
                }
            }
            prior = Math.min(0.99, Math.max(1e-4, (matches + 1) / (pairs.size() + 2)));
        }
        return start.with(prior, m, u);
    }

    private static void add(double[][] counts, double[] seen, byte[] levels, double weight) {
        for (int f = 0; f < levels.length; f++) {
            if (levels[f] != MISSING) {
                counts[f][levels[f]] += weight;
                seen[f] += weight;
            }
        }
    }
}
