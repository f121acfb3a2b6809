package dev.crmkit.metrics.rfm;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

class QuintilesTest {

    @Test
    void scores_fiveDistinctValues_areOneToFive() {
        assertArrayEquals(new int[] {3, 1, 5, 2, 4}, Quintiles.scores(new long[] {30, 10, 50, 20, 40}));
    }

    @Test
    void scores_tenDistinctValues_areTwoPerScore() {
        assertArrayEquals(new int[] {1, 1, 2, 2, 3, 3, 4, 4, 5, 5},
                Quintiles.scores(new long[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
    }

    @Test
    void scores_allEqual_areAllThree() {
        assertArrayEquals(new int[] {3, 3, 3}, Quintiles.scores(new long[] {7, 7, 7}));
    }

    @Test
    void scores_singleValue_isThree() {
        assertArrayEquals(new int[] {3}, Quintiles.scores(new long[] {42}));
    }

    @Test
    void scores_empty_isEmpty() {
        assertArrayEquals(new int[0], Quintiles.scores(new long[0]));
    }

    @Test
    void scores_tieRun_takesTheQuintileOfItsMidpoint() {
        // the four 1s sit at positions 0..3, midpoint percentile 0.4 -> score 3; the 2 at 0.9 -> score 5
        assertArrayEquals(new int[] {3, 3, 3, 3, 5}, Quintiles.scores(new long[] {1, 1, 1, 1, 2}));
    }

    @Test
    void scores_extremeValues_doNotOverflow() {
        assertArrayEquals(new int[] {1, 5, 3}, Quintiles.scores(new long[] {Long.MIN_VALUE, Long.MAX_VALUE, 0}));
    }

    private static long[] array(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    private static final Gen<long[]> DISTINCT = lists().of(longs().between(-1_000_000L, 1_000_000L))
            .ofSizeBetween(1, 300).map(values -> array(new ArrayList<>(new LinkedHashSet<>(values))));

    @Test
    void scores_distinctValues_coverOneToFiveEvenlyWithinOne() {
        qt().withFixedSeed(6201).forAll(DISTINCT).check(values -> {
            int[] counts = new int[6];
            for (int score : Quintiles.scores(values)) {
                counts[score]++;
            }
            int floor = values.length / 5;
            int ceil = (values.length + 4) / 5;
            for (int s = 1; s <= 5; s++) {
                if (counts[s] != floor && counts[s] != ceil) {
                    return false;
                }
            }
            return true;
        });
    }

    @Test
    void scores_withTies_equalValuesScoreEquallyAndLargerNeverLower() {
        Gen<long[]> tied = lists().of(longs().between(0, 6)).ofSizeBetween(1, 200).map(QuintilesTest::array);
        qt().withFixedSeed(6202).forAll(tied).check(values -> {
            int[] scores = Quintiles.scores(values);
            for (int i = 0; i < values.length; i++) {
                for (int j = 0; j < values.length; j++) {
                    if (values[i] == values[j] && scores[i] != scores[j]
                            || values[i] < values[j] && scores[i] > scores[j]
                            || scores[i] < 1 || scores[i] > 5) {
                        return false;
                    }
                }
            }
            return true;
        });
    }

    /**
     * Counting (small ranges) and the histogram of top bits (any wider range) give the same scores as the binary
     * search of a sorted copy: seeded columns of every shape, each path reached on purpose.
     */
    @Test
    void scores_everyPath_equalsBinarySearchOfASortedCopy() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(6203);
        for (int round = 0; round < 3_000; round++) {
            int n = 1 + random.nextInt(round < 2_980 ? 400 : 50_000);
            long[] values = new long[n];
            int shape = round % 5;
            long base = random.nextLong();
            for (int i = 0; i < n; i++) {
                values[i] = switch (shape) {
                    case 0 -> random.nextInt(Math.max(1, n / 3)); // counting, many ties
                    case 1 -> 1_000_000L * random.nextInt(n) - 5; // histogram, sparse ties
                    case 2 -> base / 2 + random.nextLong(1L << 40); // histogram near any base
                    case 3 -> random.nextLong(); // histogram: the full range
                    default -> random.nextBoolean() ? Long.MIN_VALUE + random.nextInt(3)
                            : Long.MAX_VALUE - random.nextInt(3); // histogram: both extremes, ties
                };
            }
            assertArrayEquals(Quintiles.bySearch(values), Quintiles.scores(values), "round " + round);
        }
    }
}
