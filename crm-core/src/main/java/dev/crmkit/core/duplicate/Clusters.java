package dev.crmkit.core.duplicate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups matched pairs into clusters, strongest link first, guarded against chains: two groups join only when the
 * mean match probability over every pair across them reaches the agreement bar, so that A~B and B~C do not glue A
 * and C together when A and C clearly differ. A cluster grows to at most {@link #MAX_SIZE} records.
 */
final class Clusters {

    static final int MAX_SIZE = 50;

    /** A matched pair by index, with its probability. */
    record Link(int a, int b, double probability) {
    }

    /** Scores a pair of record indexes that was not among the links. */
    interface Scorer {
        double probability(int a, int b);
    }

    private Clusters() {
    }

    static List<int[]> of(int records, List<Link> links, Scorer scorer, double agreement) {
        int[] parent = new int[records];
        for (int i = 0; i < records; i++) {
            parent[i] = i;
        }
        Map<Integer, List<Integer>> members = new HashMap<>();
        Map<Long, Double> known = new HashMap<>();
        for (Link link : links) {
            known.put(key(link.a(), link.b()), link.probability());
        }
        List<Link> sorted = new ArrayList<>(links);
        sorted.sort((x, y) -> Double.compare(y.probability(), x.probability()));
        for (Link link : sorted) {
            int ra = root(parent, link.a());
            int rb = root(parent, link.b());
            if (ra == rb) {
                continue;
            }
            List<Integer> ga = members.getOrDefault(ra, List.of(ra));
            List<Integer> gb = members.getOrDefault(rb, List.of(rb));
            if (ga.size() + gb.size() > MAX_SIZE || mean(ga, gb, known, scorer) < agreement) {
                continue;
            }
            List<Integer> joined = new ArrayList<>(ga);
            joined.addAll(gb);
            parent[rb] = ra;
            members.remove(rb);
            members.put(ra, joined);
        }
        List<int[]> out = new ArrayList<>();
        for (List<Integer> group : members.values()) {
            out.add(group.stream().mapToInt(Integer::intValue).sorted().toArray());
        }
        out.sort((x, y) -> x.length != y.length ? Integer.compare(y.length, x.length) : Integer.compare(x[0], y[0]));
        return out;
    }

    private static double mean(List<Integer> ga, List<Integer> gb, Map<Long, Double> known, Scorer scorer) {
        double sum = 0;
        for (int a : ga) {
            for (int b : gb) {
                Double p = known.get(key(a, b));
                sum += p != null ? p : scorer.probability(a, b);
            }
        }
        return sum / (ga.size() * gb.size());
    }

    private static long key(int a, int b) {
        return (long) Math.min(a, b) << 32 | Math.max(a, b);
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
