package dev.crmkit.core.duplicate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How often each first and last name occurs among the records scanned: an exact match on a common name ("smith")
 * is weaker evidence than on a rare one. Immutable once built.
 */
final class TermFrequencies {

    private static final TermFrequencies NONE = new TermFrequencies(Map.of(), Map.of(), 0, 0);

    private final Map<String, Integer> first;
    private final Map<String, Integer> last;
    private final int firstTotal;
    private final int lastTotal;
    private final double firstCollision;
    private final double lastCollision;

    private TermFrequencies(Map<String, Integer> first, Map<String, Integer> last, int firstTotal, int lastTotal) {
        this.first = first;
        this.last = last;
        this.firstTotal = firstTotal;
        this.lastTotal = lastTotal;
        this.firstCollision = collision(first, firstTotal);
        this.lastCollision = collision(last, lastTotal);
    }

    private static double collision(Map<String, Integer> counts, int total) {
        double sum = 0;
        for (int c : counts.values()) {
            sum += (double) c / total * c / total;
        }
        return sum;
    }

    static TermFrequencies none() {
        return NONE;
    }

    static TermFrequencies of(List<Prepared> records) {
        Map<String, Integer> first = new HashMap<>();
        Map<String, Integer> last = new HashMap<>();
        int firstTotal = 0;
        int lastTotal = 0;
        for (Prepared p : records) {
            if (!p.first.isEmpty()) {
                first.merge(p.first, 1, Integer::sum);
                firstTotal++;
            }
            if (!p.last.isEmpty()) {
                last.merge(p.last, 1, Integer::sum);
                lastTotal++;
            }
        }
        return new TermFrequencies(first, last, firstTotal, lastTotal);
    }

    /**
     * The term-frequency adjustment in bits of an exact match on this name: log2 of the chance that two random
     * records share some name over the share of this name. Positive for a rare name, negative for a common one,
     * 0 when the name is unknown or too few records were counted.
     */
    double adjustment(Field field, String name) {
        double share = frequency(field, name);
        if (share <= 0) {
            return 0;
        }
        return MatchModel.log2((field == Field.FIRST_NAME ? firstCollision : lastCollision) / share);
    }

    /**
     * The share of names equal to this one, for a field; empty (negative) when unknown or when too few records
     * were counted to trust it.
     */
    double frequency(Field field, String name) {
        Map<String, Integer> counts = field == Field.FIRST_NAME ? first : last;
        int total = field == Field.FIRST_NAME ? firstTotal : lastTotal;
        Integer count = counts.get(name);
        if (count == null || total < 1000) {
            return -1;
        }
        return (double) count / total;
    }
}
