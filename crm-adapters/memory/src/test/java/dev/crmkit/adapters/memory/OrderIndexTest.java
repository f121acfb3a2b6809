package dev.crmkit.adapters.memory;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link OrderIndex} answers exactly as the {@code TreeMap<OrderKey, id>} it replaced in {@link Table}: the same
 * entries in the same order both ways, from any cursor, with the same first and last entries, under random inserts
 * (in order and out of it), replacements and removals (of present keys, of absent ones, of a key with another id);
 * and rows arriving in order stay in the compact array, while a large index written in the middle becomes a tree.
 */
class OrderIndexTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    @Test
    void randomWrites_answerAsATreeMap_inBothDirectionsFromEveryCursor() {
        for (long seed = 1; seed <= 40; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            OrderIndex<String> index = new OrderIndex<>();
            TreeMap<OrderKey, String> expected = new TreeMap<>();
            // small sizes shift inside the array; the large seeds cross the limit and turn into a tree
            int ops = seed % 4 == 0 ? 3 * OrderIndex.SHIFT_LIMIT : 200;
            long seq = 0;
            for (int op = 0; op < ops; op++) {
                int kind = random.nextInt(10);
                if (kind < 5) { // append in order, the usual case
                    OrderKey k = new OrderKey(T0.plusSeconds(seq), ++seq);
                    index.put(k, "id" + seq);
                    expected.put(k, "id" + seq);
                } else if (kind < 7) { // an older position, as a status change into an old group
                    OrderKey k = new OrderKey(T0.plusSeconds(random.nextLong(seq + 1)), random.nextLong(seq + 1));
                    String id = "id" + random.nextInt(1000);
                    index.put(k, id);
                    expected.put(k, id);
                } else if (kind < 9 && !expected.isEmpty()) { // remove a present key, half the time the last
                    List<OrderKey> keys = new ArrayList<>(expected.keySet());
                    OrderKey k = random.nextBoolean() ? keys.get(keys.size() - 1) : keys.get(random.nextInt(keys.size()));
                    String id = random.nextInt(5) == 0 ? "someone else" : expected.get(k);
                    assertEquals(expected.remove(k, id), index.remove(k, id), "seed " + seed + " op " + op);
                } else { // remove a key that is not there
                    OrderKey k = new OrderKey(T0.plusSeconds(random.nextLong(seq + 1)), -1 - random.nextLong(5));
                    assertEquals(expected.remove(k, "x"), index.remove(k, "x"));
                }
                if (op % 17 == 0 || op == ops - 1) {
                    assertSame(expected, index, "seed " + seed + " op " + op);
                }
            }
        }
    }

    @Test
    void keyedIndex_keepingOnlyIds_answersAsATreeMap_throughShiftsTreesAndBack() {
        for (long seed = 1; seed <= 24; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            Map<String, OrderKey> keys = new HashMap<>();
            OrderIndex<String> index = new OrderIndex<>(keys::get);
            TreeMap<OrderKey, String> expected = new TreeMap<>();
            int ops = seed % 3 == 0 ? 4 * OrderIndex.SHIFT_LIMIT : 300;
            long seq = 0;
            for (int op = 0; op < ops; op++) {
                int kind = random.nextInt(10);
                if (kind < 6) { // append in order
                    OrderKey k = new OrderKey(T0.plusSeconds(seq), ++seq);
                    String id = "id" + seq;
                    keys.put(id, k);
                    index.put(k, id);
                    expected.put(k, id);
                } else if (kind < 7) { // an older position, between stored keys
                    OrderKey k = new OrderKey(T0.plusSeconds(random.nextLong(seq + 1)), -1 - op);
                    String id = "old" + op;
                    keys.put(id, k);
                    index.put(k, id);
                    expected.put(k, id);
                } else if (!expected.isEmpty()) { // remove a present key, sometimes naming another id
                    List<OrderKey> present = new ArrayList<>(expected.keySet());
                    OrderKey k = random.nextBoolean() ? present.get(present.size() - 1)
                            : present.get(random.nextInt(present.size()));
                    String id = random.nextInt(5) == 0 ? "someone else" : expected.get(k);
                    assertEquals(expected.remove(k, id), index.remove(k, id), "seed " + seed + " op " + op);
                }
                if (op % 23 == 0 || op == ops - 1) {
                    assertSame(expected, index, "seed " + seed + " op " + op);
                }
            }
        }
    }

    @Test
    void rowsArrivingInOrder_stayInTheArray_andRemovingTheLastKeepsIt() {
        OrderIndex<Integer> index = new OrderIndex<>();
        int n = 20 * OrderIndex.SHIFT_LIMIT;
        for (int i = 0; i < n; i++) {
            index.put(new OrderKey(T0, i), i);
        }
        assertFalse(index.isTree(), "appends in order need no tree");
        assertTrue(index.remove(new OrderKey(T0, n - 1), n - 1), "the undo of the last insert");
        assertFalse(index.isTree());
        assertEquals(n - 1, index.size());
        assertEquals(n - 2, index.lastEntry().getValue());

        assertTrue(index.remove(new OrderKey(T0, 5), 5), "a removal in the middle of a large index");
        assertTrue(index.isTree(), "a large index written in the middle becomes a tree rather than shift");
        assertEquals(n - 2, index.size());
        assertEquals(0, index.firstEntry().getValue());
    }

    @Test
    void treeShrunkToHalfTheLimit_goesBackToTheArray_withTheSameEntries() {
        OrderIndex<Integer> index = new OrderIndex<>();
        int n = 2 * OrderIndex.SHIFT_LIMIT;
        for (int i = 0; i < n; i++) {
            index.put(new OrderKey(T0, i), i);
        }
        assertTrue(index.remove(new OrderKey(T0, 3), 3));
        assertTrue(index.isTree());
        for (int i = 4; index.size() > OrderIndex.SHIFT_LIMIT / 2; i++) { // removals in the middle, as merges do
            assertTrue(index.isTree(), "size " + index.size());
            assertTrue(index.remove(new OrderKey(T0, i), i));
        }
        assertFalse(index.isTree(), "small again: back in the array");
        List<Integer> ids = list(index.ids().iterator());
        assertEquals(List.of(0, 1, 2), ids.subList(0, 3));
        assertEquals(n - 1, ids.get(ids.size() - 1));
        assertEquals(OrderIndex.SHIFT_LIMIT / 2, ids.size());
        assertTrue(index.capacity() < 2 * OrderIndex.SHIFT_LIMIT / 2, "sized to what it holds: " + index.capacity());
        index.put(new OrderKey(T0, 2 * n), 2 * n);
        assertEquals(2 * n, index.lastEntry().getValue());
        assertFalse(index.isTree());
    }

    @Test
    void treeFollowedByAppendsInOrder_goesBackToTheArray() {
        OrderIndex<Integer> index = new OrderIndex<>();
        int n = 4 * OrderIndex.SHIFT_LIMIT;
        for (int i = 0; i < n; i++) {
            index.put(new OrderKey(T0, 2 * i), 2 * i);
        }
        index.put(new OrderKey(T0, 1), 1); // one old position, as a status change into an old group
        assertTrue(index.isTree());
        int appended = 0;
        for (int i = n; index.isTree() && appended <= 2 * n; i++) {
            index.put(new OrderKey(T0, 2 * i), 2 * i);
            appended++;
        }
        assertFalse(index.isTree(), "in order again: back in the array");
        assertEquals((n + 1 + appended) / 2, appended, "back after half as many appends as it holds");
        List<Integer> ids = list(index.ids().iterator());
        assertEquals(List.of(0, 1, 2, 4), ids.subList(0, 4));
        assertEquals(n + 1 + appended, ids.size());
        assertEquals(2 * (n + appended - 1), index.lastEntry().getValue());
    }

    @Test
    void arrayEmptiedByRemovals_shrinks() {
        OrderIndex<Integer> index = new OrderIndex<>();
        int n = 400;
        for (int i = 0; i < n; i++) {
            index.put(new OrderKey(T0, i), i);
        }
        int full = index.capacity();
        assertTrue(full >= n);
        for (int i = n - 1; i >= 10; i--) { // the undo of inserts, from the last
            assertTrue(index.remove(new OrderKey(T0, i), i));
        }
        assertTrue(index.capacity() <= 4 * 10 + 3, "a quarter used at least: " + index.capacity() + " of " + full);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), list(index.ids().iterator()));
        for (int i = 9; i >= 0; i--) {
            assertTrue(index.remove(new OrderKey(T0, i), i));
        }
        assertEquals(0, index.capacity(), "an empty index keeps no array");
        assertTrue(index.isEmpty());
    }

    @Test
    void keyedIndexOfOneEntry_keepsItsIdWithoutAnArray_andAnswersThroughEveryChange() {
        Map<String, OrderKey> keys = new HashMap<>();
        OrderKey first = new OrderKey(T0, 2);
        OrderKey earlier = new OrderKey(T0, 1);
        OrderKey later = new OrderKey(T0, 3);
        keys.put("a", first);
        keys.put("b", first); // replaces a at the same key
        keys.put("c", earlier);
        keys.put("d", later);
        OrderIndex<String> index = new OrderIndex<>(keys::get);

        index.putAbove(first, "a");
        assertEquals(0, index.capacity(), "one entry: its id alone, no array");
        assertEquals(1, index.size());
        assertEquals("a", index.lastId());
        assertEquals(Map.entry(first, "a"), index.firstEntry());
        assertEquals(Map.entry(first, "a"), index.lastEntry());
        assertEquals(List.of("a"), list(index.ids().iterator()));
        assertFalse(index.entries(false, first).hasNext());
        assertEquals("a", index.entries(true, later).next().getValue());
        assertFalse(index.remove(first, "b"), "another id under the key is not removed");
        assertFalse(index.remove(later, "a"));

        index.put(first, "b");
        assertEquals(0, index.capacity());
        assertEquals(List.of("b"), list(index.ids().iterator()));

        index.put(earlier, "c"); // before the one entry
        assertEquals(2, index.capacity(), "the second entry takes an array");
        assertEquals(List.of("c", "b"), list(index.ids().iterator()));
        assertTrue(index.remove(earlier, "c"));
        assertEquals(0, index.capacity(), "one left: its id alone again");
        assertEquals(List.of("b"), list(index.ids().iterator()));

        index.putAbove(later, "d");
        assertEquals(List.of("b", "d"), list(index.ids().iterator()));
        assertTrue(index.remove(later, "d"));
        assertEquals(Map.entry(first, "b"), index.lastEntry());
        assertTrue(index.remove(first, "b"));
        assertTrue(index.isEmpty());
        assertNull(index.lastId());
        assertEquals(0, index.capacity());
        index.put(later, "d");
        assertEquals(List.of("d"), list(index.ids().iterator()));
    }

    @Test
    void walkingTheIds_asksNoKeys() {
        Map<String, OrderKey> keys = new HashMap<>();
        int[] asked = {0};
        OrderIndex<String> index = new OrderIndex<>(id -> {
            asked[0]++;
            return keys.get(id);
        });
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            OrderKey k = new OrderKey(T0.plusSeconds(i), i);
            keys.put("id" + i, k);
            index.putAbove(k, "id" + i);
            ids.add("id" + i);
        }
        asked[0] = 0;

        assertEquals(ids, list(index.ids().iterator()));
        assertEquals(0, asked[0], "a walk of the ids works out no key (for a table, reads no row for it)");
    }

    @Test
    void emptyIndex_hasNoEntries() {
        OrderIndex<String> index = new OrderIndex<>();
        assertTrue(index.isEmpty());
        assertNull(index.firstEntry());
        assertNull(index.lastEntry());
        assertFalse(index.entries(true, null).hasNext());
        assertFalse(index.entries(false, new OrderKey(T0, 1)).hasNext());
        assertFalse(index.remove(new OrderKey(T0, 1), "x"));
    }

    private static void assertSame(TreeMap<OrderKey, String> expected, OrderIndex<String> index, String where) {
        assertEquals(expected.size(), index.size(), where);
        assertEquals(expected.firstEntry(), index.firstEntry(), where);
        assertEquals(expected.lastEntry(), index.lastEntry(), where);
        assertEquals(expected.isEmpty() ? null : expected.lastEntry().getValue(), index.lastId(), where);
        assertEquals(new ArrayList<>(expected.values()), list(index.ids().iterator()), where);
        List<OrderKey> keys = new ArrayList<>(expected.keySet());
        List<OrderKey> cursors = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += 1 + keys.size() / 25) {
            cursors.add(keys.get(i)); // stored keys, about 25 of them
        }
        if (!keys.isEmpty()) {
            cursors.add(keys.get(keys.size() - 1));
        }
        cursors.add(new OrderKey(T0.minusSeconds(1), 0)); // before everything
        cursors.add(new OrderKey(T0.plusSeconds(1_000_000), 0)); // after everything
        if (!expected.isEmpty()) {
            OrderKey k = expected.firstKey();
            cursors.add(new OrderKey(k.at(), k.seq() + 1)); // between stored keys
        }
        for (OrderKey after : cursors) {
            for (boolean descending : new boolean[]{false, true}) {
                NavigableMap<OrderKey, String> view = descending ? expected.descendingMap() : expected;
                assertEquals(new ArrayList<>(view.tailMap(after, false).entrySet()),
                        list(index.entries(descending, after)), where + " after " + after + " desc " + descending);
            }
        }
        assertEquals(new ArrayList<>(expected.descendingMap().entrySet()), list(index.entries(true, null)), where);
    }

    private static <T> List<T> list(Iterator<? extends T> it) {
        List<T> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
