package dev.crmkit.adapters.memory;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link CompactMap}, which holds {@link Table}'s rows and unique keys, answers as the {@code HashMap} it replaced
 * under random puts, replacements, puts of absent keys and removals, including keys whose hashes collide (long probe
 * runs, where a removal must shift the later members of the run back or lookups lose them) and through several
 * resizes.
 */
class CompactMapTest {

    /** A key with a chosen hash, so many keys share a home slot. */
    private record Colliding(int hash, int n) {
        @Override
        public int hashCode() {
            return hash;
        }
    }

    @Test
    void randomWrites_answerAsAHashMap_evenWhenHashesCollide() {
        for (long seed = 1; seed <= 30; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            CompactMap<Object, Integer> map = new CompactMap<>();
            Map<Object, Integer> expected = new HashMap<>();
            int keySpace = seed % 3 == 0 ? 5_000 : 300;
            for (int op = 0; op < 6_000; op++) {
                Object key = seed % 2 == 0 ? new Colliding(random.nextInt(7), random.nextInt(keySpace))
                        : (Object) ("k" + random.nextInt(keySpace));
                int kind = random.nextInt(10);
                if (kind < 4) {
                    int value = random.nextInt(1_000_000);
                    assertEquals(expected.put(key, value), map.put(key, value), "put, seed " + seed);
                } else if (kind < 5) { // a put through the slot the key's probe gave: replaced or taken there
                    int value = random.nextInt(1_000_000);
                    int slot = map.slotOf(key);
                    assertEquals(expected.put(key, value), map.valueAt(slot), "valueAt, seed " + seed);
                    if (map.valueAt(slot) == null) {
                        map.putAt(slot, key, value);
                    } else {
                        map.replaceAt(slot, value);
                    }
                } else if (kind < 6) {
                    int value = random.nextInt(1_000_000);
                    boolean known = expected.containsKey(key);
                    int[] made = new int[1];
                    assertEquals(expected.computeIfAbsent(key, k -> value), map.computeIfAbsent(key, k -> {
                        made[0]++;
                        return value;
                    }), "computeIfAbsent, seed " + seed);
                    assertEquals(known ? 0 : 1, made[0], "values made for a key " + (known ? "held" : "new"));
                } else if (kind < 9) {
                    assertEquals(expected.remove(key), map.remove(key), "remove, seed " + seed + " op " + op);
                } else {
                    assertEquals(expected.get(key), map.get(key), "get, seed " + seed);
                    assertEquals(expected.containsKey(key), map.containsKey(key));
                }
                assertEquals(expected.size(), map.size());
                if (op % 500 == 0) {
                    for (Map.Entry<Object, Integer> e : expected.entrySet()) {
                        assertEquals(e.getValue(), map.get(e.getKey()), "seed " + seed + " op " + op);
                    }
                    List<Integer> values = new ArrayList<>();
                    map.values().forEach(values::add);
                    List<Integer> want = new ArrayList<>(expected.values());
                    values.sort(null);
                    want.sort(null);
                    assertEquals(want, values, "the values, seed " + seed);
                }
            }
        }
    }

    @Test
    void slotOf_probesOnce_andTheSlotsRefuseTheWrongWrite() {
        CompactMap<String, String> map = new CompactMap<>();
        long before = map.probes();
        int free = map.slotOf("k");
        assertNull(map.valueAt(free));
        assertThrows(IllegalStateException.class, () -> map.replaceAt(free, "v"), "nothing to replace");
        map.putAt(free, "k", "v");
        int taken = map.slotOf("k");
        assertEquals("v", map.valueAt(taken));
        assertThrows(IllegalStateException.class, () -> map.putAt(taken, "k", "w"), "taken");
        map.replaceAt(taken, "w");
        assertEquals("w", map.get("k"));
        assertEquals(1, map.size());
        assertEquals(2, map.probes() - before, "one probe per slotOf, none for the reads and writes at a slot");
    }

    @Test
    void emptyAndNulls() {
        CompactMap<String, String> map = new CompactMap<>();
        assertNull(map.get("a"));
        assertNull(map.remove("a"));
        assertFalse(map.values().iterator().hasNext());
        assertThrows(NullPointerException.class, () -> map.put(null, "v"));
        assertThrows(NullPointerException.class, () -> map.put("k", null));
        map.put("k", "v");
        assertTrue(map.containsKey("k"));
        assertEquals("v", map.remove("k"));
        assertEquals(0, map.size());
    }

    /** A key with a chosen hash that counts the calls of its {@code equals}. */
    private static final class Counted {
        private final int hash;
        private final int[] equalsCalls;

        Counted(int hash, int[] equalsCalls) {
            this.hash = hash;
            this.equalsCalls = equalsCalls;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            equalsCalls[0]++;
            return o == this;
        }
    }

    /**
     * Keys whose hashes share a home slot but not their top bits: a look-up walks their probe run comparing the tags
     * only, calling {@code equals} on no key of the run (each key an object elsewhere in memory); the one it finds is
     * compared once.
     */
    @Test
    void aProbeRun_comparesOnlyKeysWhoseTagMatches() {
        int[] calls = new int[1];
        List<Counted> sameHome = new ArrayList<>();
        java.util.Set<Integer> tagsSeen = new java.util.HashSet<>();
        for (int h = 0; sameHome.size() < 6; h++) {
            int spread = h * 0x9E3779B9;
            spread ^= spread >>> 16;
            if ((spread & 7) == 0 && tagsSeen.add(spread >>> 24)) { // home 0 of the first 8 slots, a tag of its own
                sameHome.add(new Counted(h, calls));
            }
        }
        CompactMap<Counted, Integer> map = new CompactMap<>();
        for (int i = 0; i < 5; i++) {
            map.put(sameHome.get(i), i);
        }
        calls[0] = 0;
        assertNull(map.get(sameHome.get(5)), "a key of the run's home that is not there");
        assertEquals(0, calls[0], "no key of the probe run compared");
        assertEquals(4, map.get(sameHome.get(4)), "the last key of the run");
        assertEquals(1, calls[0], "only the key found compared");
        assertEquals(2, map.remove(sameHome.get(2)));
        assertEquals(4, map.get(sameHome.get(4)), "found after a removal shifted the run back, tag and all");
        assertEquals(3, map.get(sameHome.get(3)));
    }
}
