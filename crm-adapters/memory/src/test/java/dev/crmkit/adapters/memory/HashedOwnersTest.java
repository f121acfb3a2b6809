package dev.crmkit.adapters.memory;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * {@link HashedOwners} answers as a {@code HashMap} of key to owner under random moves of keys between rows, with
 * many keys sharing one hash ("Aa" and "BB" hash alike, and so do all their concatenations of one length), one row
 * holding several keys of one hash, growth and shrinking.
 */
class HashedOwnersTest {

    @Test
    void randomMoves_answerAsAHashMap_evenWhenKeysShareTheirHash() {
        for (long seed = 1; seed <= 30; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            Map<Integer, Set<String>> rows = new HashMap<>(); // what each row holds, as the table's stored rows
            Map<String, Integer> expected = new HashMap<>();
            HashedOwners<Integer> index = new HashedOwners<>((id, key) -> rows.getOrDefault(id, Set.of()).contains(key));
            List<String> keys = new ArrayList<>();
            for (String a : new String[]{"Aa", "BB"}) {
                for (String b : new String[]{"Aa", "BB"}) {
                    for (String c : new String[]{"Aa", "BB"}) {
                        keys.add(a + b + c); // eight keys, one hash
                    }
                }
            }
            for (int i = 0; i < 200; i++) {
                keys.add("key" + i);
            }
            for (int op = 0; op < 3000; op++) {
                String key = keys.get(random.nextInt(keys.size()));
                Integer owner = expected.get(key);
                if (owner != null && random.nextInt(3) > 0) { // take the key out of its row, as a move does
                    rows.get(owner).remove(key);
                    expected.remove(key);
                    assertEquals(true, index.remove(key, owner));
                } else if (owner == null) { // a row gains the key: the row first, then the index, as a move does
                    int id = random.nextInt(40);
                    rows.computeIfAbsent(id, k -> new HashSet<>()).add(key);
                    expected.put(key, id);
                    index.add(key, id);
                }
                if (op % 50 == 0) {
                    for (String k : keys) {
                        assertEquals(expected.get(k), index.get(k), "seed " + seed + " op " + op + " " + k);
                    }
                    assertEquals(expected.size(), index.size());
                }
            }
            for (Map.Entry<String, Integer> e : new HashMap<>(expected).entrySet()) {
                rows.get(e.getValue()).remove(e.getKey());
                assertEquals(true, index.remove(e.getKey(), e.getValue()));
            }
            assertEquals(0, index.size());
            assertNull(index.get(keys.get(0)));
            assertFalse(index.remove("key1", 3), "nothing left to remove");
        }
    }
}
