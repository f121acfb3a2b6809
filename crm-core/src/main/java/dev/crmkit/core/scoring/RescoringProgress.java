package dev.crmkit.core.scoring;

/**
 * How far a batch rescoring run got, reported after each chunk.
 *
 * @param read    leads read so far
 * @param total   leads stored when the run started (the run may read more or fewer if leads come or go)
 * @param scored  open leads scored so far
 * @param changed of those, how many changed score, temperature or stage
 */
public record RescoringProgress(long read, long total, long scored, long changed) {

    /** The share read, 0 to 1 (1 for an empty store). */
    public double fraction() {
        return total == 0 ? 1.0 : Math.min(1.0, read / (double) total);
    }
}
