package dev.crmkit.core.duplicate.sample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Precision, recall and F1 of found duplicate pairs against the labels of generated records.
 *
 * @param truePairs  pairs of records of one person
 * @param foundPairs pairs found
 * @param correct    pairs found that are of one person
 */
public record PairQuality(long truePairs, long foundPairs, long correct) {

    /** The share of found pairs that are right. */
    public double precision() {
        return foundPairs == 0 ? 1 : (double) correct / foundPairs;
    }

    /** The share of true pairs found. */
    public double recall() {
        return truePairs == 0 ? 1 : (double) correct / truePairs;
    }

    /** The harmonic mean of precision and recall. */
    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Compares clusters of record ids with the labels. */
    public static PairQuality ofClusters(List<LabelledPeople.Labelled> labelled, List<List<String>> clusters) {
        Map<String, Integer> person = new HashMap<>();
        labelled.forEach(l -> person.put(l.record().id(), l.person()));
        Map<Integer, Integer> sizes = new HashMap<>();
        labelled.forEach(l -> sizes.merge(l.person(), 1, Integer::sum));
        long truePairs = sizes.values().stream().mapToLong(n -> (long) n * (n - 1) / 2).sum();
        long found = 0;
        long correct = 0;
        for (List<String> cluster : clusters) {
            for (int i = 0; i < cluster.size(); i++) {
                for (int j = i + 1; j < cluster.size(); j++) {
                    found++;
                    if (person.get(cluster.get(i)).equals(person.get(cluster.get(j)))) {
                        correct++;
                    }
                }
            }
        }
        return new PairQuality(truePairs, found, correct);
    }

    /** Groups records that share an exactly equal e-mail or phone key (the keys given per record, may be empty). */
    public static List<List<String>> exactClusters(List<String> ids, List<List<String>> keysPerRecord) {
        Map<String, Integer> first = new HashMap<>();
        int[] parent = new int[ids.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
            for (String key : keysPerRecord.get(i)) {
                Integer other = first.putIfAbsent(key, i);
                if (other != null) {
                    parent[root(parent, i)] = root(parent, other);
                }
            }
        }
        Map<Integer, List<String>> groups = new HashMap<>();
        for (int i = 0; i < parent.length; i++) {
            groups.computeIfAbsent(root(parent, i), k -> new ArrayList<>()).add(ids.get(i));
        }
        List<List<String>> out = new ArrayList<>();
        groups.values().stream().filter(g -> g.size() > 1).forEach(out::add);
        return out;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            i = parent[i] = parent[parent[i]];
        }
        return i;
    }

    /** One line: precision, recall and F1. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "precision %.4f, recall %.4f, F1 %.4f (%d true pairs, %d found, %d right)",
                precision(), recall(), f1(), truePairs, foundPairs, correct);
    }

}
