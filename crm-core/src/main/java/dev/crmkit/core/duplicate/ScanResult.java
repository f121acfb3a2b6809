package dev.crmkit.core.duplicate;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link DuplicateScan} found.
 *
 * @param records        the number of records scanned
 * @param candidatePairs the number of pairs that blocking proposed and the matcher scored
 * @param skippedBlocks  blocks larger than the bound, whose pairs were not proposed by that key
 * @param threshold      the match probability a pair needed
 * @param pairs          the pairs at or above the threshold, best first
 * @param clusters       groups of two or more records of one person, as ids, largest first
 * @param model          the model estimated from the records and used for the scores
 */
public record ScanResult(int records, long candidatePairs, int skippedBlocks, double threshold,
                         List<ScoredPair> pairs, List<List<String>> clusters, MatchModel model) {

    /** Copies the lists. */
    public ScanResult {
        pairs = List.copyOf(pairs);
        clusters = clusters.stream().map(List::copyOf).toList();
        Objects.requireNonNull(model, "model");
    }
}
