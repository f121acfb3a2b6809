package dev.crmkit.core.duplicate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Given names and their nicknames ("katherine" and "kathy", "william" and "bill"), from the bundled
 * {@code nicknames.csv} of github.com/carltonnorthern/nicknames (Apache License 2.0, see
 * {@code nicknames-NOTICE.md}). Two names are variants when they share a canonical name. Immutable and thread-safe.
 */
final class NameVariants {

    private static final NameVariants BUNDLED = load();

    private final Map<String, int[]> groups;

    private NameVariants(Map<String, int[]> groups) {
        this.groups = groups;
    }

    /** The bundled list. */
    static NameVariants bundled() {
        return BUNDLED;
    }

    /** Whether the two normalised names are different spellings of one name in the list. */
    boolean areVariants(String a, String b) {
        int[] ga = groups.get(a);
        int[] gb = groups.get(b);
        if (ga == null || gb == null) {
            return false;
        }
        for (int x : ga) {
            if (Arrays.binarySearch(gb, x) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** The smallest canonical-name group of the name, or the name itself when the list does not know it. */
    String canonicalKey(String name) {
        int[] g = groups.get(name);
        return g == null ? name : "#" + g[0];
    }

    /** Every name of the list (canonical names and nicknames). */
    java.util.Set<String> names() {
        return groups.keySet();
    }

    private static NameVariants load() {
        Map<String, Integer> canonical = new HashMap<>();
        Map<String, java.util.TreeSet<Integer>> member = new HashMap<>();
        try (InputStream in = Objects.requireNonNull(NameVariants.class.getResourceAsStream("nicknames.csv"),
                "nicknames.csv is missing from the class path");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line = reader.readLine();
            while ((line = reader.readLine()) != null) {
                String[] cells = line.split(",");
                if (cells.length != 3) {
                    continue;
                }
                String name = Normalize.name(cells[0]);
                String nick = Normalize.name(cells[2]);
                int group = canonical.computeIfAbsent(name, k -> canonical.size());
                member.computeIfAbsent(name, k -> new java.util.TreeSet<>()).add(group);
                member.computeIfAbsent(nick, k -> new java.util.TreeSet<>()).add(group);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read nicknames.csv", e);
        }
        Map<String, int[]> groups = new HashMap<>();
        member.forEach((name, set) -> groups.put(name, set.stream().mapToInt(Integer::intValue).toArray()));
        return new NameVariants(Map.copyOf(groups));
    }
}
