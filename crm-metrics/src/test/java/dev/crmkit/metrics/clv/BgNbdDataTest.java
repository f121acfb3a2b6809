package dev.crmkit.metrics.clv;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The grouping of {@link BgNbdData}: customers with equal (x, t_x, T) become one group weighted by their number, the
 * groups in ascending order of (x, t_x, T), so that the likelihood sums in one fixed order (the order the grouping had
 * when it sorted every customer's key, which this test recomputes that way).
 */
class BgNbdDataTest {

    @Test
    void groups_areTheSortedDistinctTriples_weightedByTheirCounts() {
        Random random = new Random(2026);
        for (int round = 0; round < 20; round++) {
            int n = 1 + random.nextInt(round < 10 ? 50 : 200_000);
            int[] x = new int[n];
            double[] tx = new double[n];
            double[] age = new double[n];
            for (int i = 0; i < n; i++) {
                age[i] = random.nextInt(160) / 7.0;
                x[i] = random.nextInt(4) == 0 ? 0 : random.nextInt(12);
                tx[i] = x[i] == 0 ? 0 : random.nextInt((int) Math.round(age[i] * 7) + 1) / 7.0;
            }
            BgNbdData data = BgNbdData.of(x, tx, age, 3);
            long[][] expected = sortedTriples(x, tx, age);
            int groups = data.weight.length;
            assertEquals(expected.length, groups, "groups");
            for (int g = 0; g < groups; g++) {
                long[] triple = expected[g];
                assertEquals(triple[0], data.xs[data.xIndex[g]], "x of group " + g);
                assertEquals(Double.longBitsToDouble(triple[1]) / 3, data.times[data.recencyIndex[g]], "t_x of " + g);
                assertEquals(Double.longBitsToDouble(triple[2]) / 3, data.times[data.ageIndex[g]], "T of group " + g);
                assertEquals(triple[3], (long) data.weight[g], "weight of group " + g);
            }
            assertEquals(n, data.totalWeight);
            assertArrayEquals(Arrays.stream(x).distinct().sorted().toArray(), data.xs);
        }
    }

    /** (x, t_x bits, T bits, count), sorted by x, t_x, T (non-negative doubles sort as their bits). */
    private static long[][] sortedTriples(int[] x, double[] tx, double[] age) {
        long[][] rows = new long[x.length][];
        for (int i = 0; i < x.length; i++) {
            rows[i] = new long[] {x[i], Double.doubleToLongBits(tx[i] + 0.0), Double.doubleToLongBits(age[i] + 0.0)};
        }
        Arrays.sort(rows, (p, q) -> p[0] != q[0] ? Long.compare(p[0], q[0])
                : p[1] != q[1] ? Long.compare(p[1], q[1]) : Long.compare(p[2], q[2]));
        java.util.List<long[]> groups = new java.util.ArrayList<>();
        for (long[] row : rows) {
            long[] last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            if (last != null && last[0] == row[0] && last[1] == row[1] && last[2] == row[2]) {
                last[3]++;
            } else {
                groups.add(new long[] {row[0], row[1], row[2], 1});
            }
        }
        return groups.toArray(new long[0][]);
    }
}
