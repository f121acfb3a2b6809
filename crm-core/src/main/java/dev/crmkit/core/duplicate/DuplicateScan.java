package dev.crmkit.core.duplicate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Scans a list of records for duplicates: prepares every record once, proposes candidate pairs by
 * {@linkplain Blocking blocking}, estimates a {@link MatchModel} from the records themselves, scores every candidate
 * pair, keeps those at or above the threshold with their explanation, and groups them into clusters guarded against
 * chains of weak links. Immutable: every setting returns a new scan. Thread-safe.
 *
 * <pre>{@code
 * ScanResult result = DuplicateScan.withDefaults().threshold(0.95).scan(records);
 * }</pre>
 */
public final class DuplicateScan {

    /** The match probability from which a pair counts as a duplicate, unless a scan sets another. */
    public static final double DEFAULT_THRESHOLD = 0.8;
    /** The mean probability across two groups that a cluster needs before it joins them. */
    public static final double DEFAULT_CLUSTER_AGREEMENT = 0.5;

    /** Candidate pairs scored per task; chunks are scored in parallel and joined in order (deterministic). */
    private static final int CHUNK = 1 << 14;

    private final double threshold;
    private final String defaultRegion;
    private final long seed;

    private DuplicateScan(double threshold, String defaultRegion, long seed) {
        this.threshold = threshold;
        this.defaultRegion = defaultRegion;
        this.seed = seed;
    }

    /** A scan with {@link #DEFAULT_THRESHOLD}, phone numbers without a country read as unknown, seed 1. */
    public static DuplicateScan withDefaults() {
        return new DuplicateScan(DEFAULT_THRESHOLD, "ZZ", 1);
    }

    /**
     * The same scan with another threshold.
     *
     * @throws IllegalArgumentException naming the setting if it is not strictly between 0 and 1
     */
    public DuplicateScan threshold(double probability) {
        if (!(probability > 0 && probability < 1)) {
            throw new IllegalArgumentException("threshold must be greater than 0 and less than 1, was "
                    + probability);
        }
        return new DuplicateScan(probability, defaultRegion, seed);
    }

    /** The same scan reading phone numbers without a country code in this ISO 3166 region when a record has none. */
    public DuplicateScan defaultRegion(String region) {
        return new DuplicateScan(threshold, Objects.requireNonNull(region, "region"), seed);
    }

    /** The same scan drawing its random sample of pairs (for u) with this seed. */
    public DuplicateScan seed(long value) {
        return new DuplicateScan(threshold, defaultRegion, value);
    }

    /** Scans the records. */
    public ScanResult scan(List<DuplicateRecord> records) {
        List<Prepared> prepared = new ArrayList<>(records.size());
        for (DuplicateRecord r : records) {
            prepared.add(Prepared.of(r, defaultRegion));
        }
        Blocking.Result blocking = Blocking.candidatePairs(prepared);
        MatchModel model = ModelEstimation.estimate(prepared, blocking.pairs(), seed);
        long[] candidates = blocking.pairs();
        int chunks = (candidates.length + CHUNK - 1) / CHUNK;
        List<Chunk> scored = IntStream.range(0, chunks).parallel()
                .mapToObj(c -> score(prepared, model, candidates, c * CHUNK,
                        Math.min(candidates.length, (c + 1) * CHUNK)))
                .toList();
        List<Clusters.Link> links = new ArrayList<>();
        List<ScoredPair> pairs = new ArrayList<>();
        for (Chunk chunk : scored) {
            links.addAll(chunk.links());
            pairs.addAll(chunk.pairs());
        }
        pairs.sort(Comparator.comparingDouble(ScoredPair::score).reversed());
        List<List<String>> clusters = new ArrayList<>();
        Clusters.Scorer scorer = (i, j) -> model.probability(PairComparison.compare(prepared.get(i),
                prepared.get(j), false));
        for (int[] group : Clusters.of(prepared.size(), links, scorer, DEFAULT_CLUSTER_AGREEMENT)) {
            List<String> ids = new ArrayList<>(group.length);
            for (int i : group) {
                ids.add(records.get(i).id());
            }
            clusters.add(ids);
        }
        return new ScanResult(records.size(), blocking.pairs().length, blocking.skippedBlocks(), threshold, pairs,
                clusters, model);
    }
    /** The pairs of one chunk at or above the threshold, explained, and their links. */
    private record Chunk(List<Clusters.Link> links, List<ScoredPair> pairs) {
    }

    /**
     * Scores the candidate pairs from index {@code from} to {@code to}: levels only (no explanation text), then the
     * explanation for the few pairs at or above the threshold.
     */
    private Chunk score(List<Prepared> prepared, MatchModel model, long[] candidates, int from, int to) {
        List<Clusters.Link> links = new ArrayList<>();
        List<ScoredPair> pairs = new ArrayList<>();
        for (int k = from; k < to; k++) {
            long pair = candidates[k];
            Prepared a = prepared.get((int) (pair >>> 32));
            Prepared b = prepared.get((int) pair);
            double p = model.probability(PairComparison.compare(a, b, false));
            if (p >= threshold) {
                links.add(new Clusters.Link((int) (pair >>> 32), (int) pair, p));
                pairs.add(new ScoredPair(a.record.id(), b.record.id(), p,
                        model.score(PairComparison.compare(a, b, true)).reasons()));
            }
        }
        return new Chunk(links, pairs);
    }
}
