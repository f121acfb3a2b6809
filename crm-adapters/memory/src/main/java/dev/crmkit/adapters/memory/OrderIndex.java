package dev.crmkit.adapters.memory;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The ids of one order (a table's creation order, or one group of a group index) sorted by their {@link OrderKey}:
 * what a {@code TreeMap<OrderKey, I>} gave, at a fraction of its memory and insert time in the usual case.
 *
 * <p>Rows mostly arrive in order (time-ordered creation, then the table's insertion number), so the index starts as
 * one sorted array of key and id pairs: an append is a store into the array (8 bytes per entry instead of a 40-byte
 * tree node), a lookup a binary search, and a group of one member costs one small array. Inserts and removals in the
 * middle shift the array while it is small; when a large index is written out of order (a lead changes status into
 * an old group, a deal moves stage), it turns into a {@link TreeMap}, so no write costs more than a bounded shift.
 * The tree goes back to an array when it has shrunk to half the shift limit, or when half as many appends at the end as
 * it holds came after its last write in the middle (rows arrive in order again): each way the copy is paid for by
 * writes in proportion to what it copies, so writes stay amortized O(1) plus the bounded shift. The array shrinks when a
 * quarter of it is used. Either way the entries list in the same order, so pages and lists are the same. Not
 * thread-safe: one writer at a time and no reader meanwhile, which {@link Table} ensures (the store's write lock, or a
 * lazy group's build into an index no other thread sees yet); reads change nothing, so readers may share one.
 *
 * <p>An index made with a key function ({@link #OrderIndex(Function)}) keeps no keys in its array, only the ids (4
 * bytes an entry, and no {@link OrderKey} object per row): each key is asked of the id when compared. The key of an id
 * must then stay the same while the id is in the index; {@link Table} takes a row out of such an index before it
 * changes the row and puts it back after. The tree keeps its keys either way. Such an index of one entry keeps that
 * entry's id in place of an array: most groups of a captured person have one member (a lead's open e-mail, phone and
 * contact, a task's lead, a timeline entry's contact), and the array of one cost each of them 24 bytes and an
 * allocation.
 *
 * @param <I> the id type
 */
final class OrderIndex<I> {

    /** The size up to which writes in the middle shift the array; beyond it they turn the index into a tree. */
    static final int SHIFT_LIMIT = 512;
    private static final Object[] EMPTY = {};
    /** The capacity (in entries) below which the array is not shrunk. */
    private static final int MIN_SHRINK = 8;

    /**
     * An {@code Object[]} sorted by key: key and id pairs ({@code [2 * i]} the i-th key, {@code [2 * i + 1]} its id),
     * or the ids alone when the keys come from {@link #keyOf}; or, while the index is {@link #single}, that one id
     * itself ({@link #single} tells which, not the type of what is held: an id may be of any type).
     */
    private Object held = EMPTY;
    /** The key of an id, or null when the array keeps the keys. */
    private final Function<I, OrderKey> keyOf;

    private int size;
    /** Not null while the index is a tree. */
    private TreeMap<OrderKey, I> tree;
    /** While a tree: the appends at the end since its last write in the middle. */
    private int appendsInOrder;

    /** An index that keeps each key beside its id. */
    OrderIndex() {
        this(null);
    }

    /** An index whose array keeps only the ids and asks {@code keyOf} for their keys (null: keeps the keys). */
    OrderIndex(Function<I, OrderKey> keyOf) {
        this.keyOf = keyOf;
    }

    /**
     * An index with a key function holding one id, made without asking the id's key: the index a group makes of a
     * key that kept its one member's id alone ({@link Table}), when it is read or gets a second member.
     */
    static <I> OrderIndex<I> ofOne(Function<I, OrderKey> keyOf, I id) {
        OrderIndex<I> index = new OrderIndex<>(java.util.Objects.requireNonNull(keyOf, "keyOf"));
        index.insertAt(0, null, id); // with a key function the array keeps no keys
        return index;
    }

    /** Array slots per entry: 2 (key and id) or 1 (the id); computed, not a field, to keep small indexes small. */
    private int stride() {
        return keyOf == null ? 2 : 1;
    }

    /** Whether {@link #held} is the one id itself: an index with a key function of one entry (a tree has size 0). */
    private boolean single() {
        return keyOf != null && size == 1;
    }

    /** The array of {@link #held}; not while {@link #single}. */
    private Object[] slots() {
        return (Object[]) held;
    }

    /** Whether the index left the array for a tree (for tests). */
    boolean isTree() {
        return tree != null;
    }

    int size() {
        return tree != null ? tree.size() : size;
    }

    boolean isEmpty() {
        return size() == 0;
    }

    /** Maps the key to the id, replacing the id of an equal key. */
    void put(OrderKey key, I id) {
        if (tree != null) {
            boolean append = tree.isEmpty() || key.compareTo(tree.lastKey()) > 0;
            tree.put(key, id);
            appendsInOrder = append ? appendsInOrder + 1 : 0;
            if (appendsInOrder >= tree.size() / 2) {
                toArray(); // in order again: the appends since the last middle write pay for the copy
            }
            return;
        }
        if (size == 0 || key.compareTo(key(size - 1)) > 0) {
            insertAt(size, key, id);
            return;
        }
        int at = search(key);
        if (at >= 0) {
            if (single()) {
                held = id;
            } else {
                slots()[stride() * at + stride() - 1] = id;
            }
        } else if (size < SHIFT_LIMIT) {
            insertAt(-at - 1, key, id);
        } else {
            toTree().put(key, id);
        }
    }

    /**
     * Maps the key to the id where the caller knows the key is above every key in the index (a new row at a time no
     * earlier than any row before it): the append {@link #put} would make, without reading the last entry's key (which
     * for an index with a key function means reading that row).
     */
    void putAbove(OrderKey key, I id) {
        if (tree != null) {
            put(key, id);
        } else {
            insertAt(size, key, id);
        }
    }

    /** Removes the key if it maps to the id; whether it did. */
    boolean remove(OrderKey key, I id) {
        if (tree != null) {
            boolean removed = tree.remove(key, id);
            if (removed) {
                appendsInOrder = 0;
                if (tree.size() <= SHIFT_LIMIT / 2) {
                    toArray(); // small again: shifts are bounded
                }
            }
            return removed;
        }
        int at = search(key);
        if (at < 0 || !id(at).equals(id)) {
            return false;
        }
        if (at != size - 1 && size > SHIFT_LIMIT) {
            return toTree().remove(key, id);
        }
        if (single()) {
            held = EMPTY;
            size = 0;
            return true;
        }
        Object[] slots = slots();
        System.arraycopy(slots, stride() * (at + 1), slots, stride() * at, stride() * (size - at - 1));
        size--;
        Arrays.fill(slots, stride() * size, stride() * size + stride(), null);
        if (size == 0) {
            held = EMPTY;
        } else if (single()) {
            held = slots[0]; // one left: its id in place of the array
        } else if (slots.length > stride() * MIN_SHRINK && size < slots.length / stride() / 4) {
            held = Arrays.copyOf(slots, stride() * (size + (size >> 1) + 1)); // less than a quarter used
        }
        return true;
    }

    /** The first entry, or null when empty. */
    Map.Entry<OrderKey, I> firstEntry() {
        if (tree != null) {
            return tree.firstEntry();
        }
        return size == 0 ? null : entry(0);
    }

    /** The last id, or null when empty: {@link #lastEntry}'s id without its key or an entry object. */
    I lastId() {
        if (tree != null) {
            return tree.isEmpty() ? null : tree.lastEntry().getValue();
        }
        return size == 0 ? null : id(size - 1);
    }

    /** The last entry, or null when empty. */
    Map.Entry<OrderKey, I> lastEntry() {
        if (tree != null) {
            return tree.lastEntry();
        }
        return size == 0 ? null : entry(size - 1);
    }

    /**
     * The entries in order (descending if asked), starting after {@code after} in that direction (from the first when
     * null).
     */
    Iterator<Map.Entry<OrderKey, I>> entries(boolean descending, OrderKey after) {
        if (tree != null) {
            NavigableMap<OrderKey, I> view = descending ? tree.descendingMap() : tree;
            return (after == null ? view : view.tailMap(after, false)).entrySet().iterator();
        }
        int start;
        if (after == null) {
            start = descending ? size - 1 : 0;
        } else {
            int at = search(after);
            if (descending) {
                start = at >= 0 ? at - 1 : -at - 2; // the last key below it
            } else {
                start = at >= 0 ? at + 1 : -at - 1; // the first key above it
            }
        }
        return new ArrayEntries(start, descending ? -1 : 1);
    }

    /**
     * The ids in order. The array's are walked in place: no entry object and no key per id (for an index with a key
     * function, working a key out reads the row), where a walk of {@link #entries} makes both.
     */
    Iterable<I> ids() {
        return () -> tree != null ? Collections.unmodifiableCollection(tree.values()).iterator() : new ArrayIds();
    }

    /** The ids of the array in order; the index must not change meanwhile. */
    private final class ArrayIds implements Iterator<I> {
        private int next;

        @Override
        public boolean hasNext() {
            return next < size;
        }

        @Override
        public I next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return id(next++);
        }
    }

    private TreeMap<OrderKey, I> toTree() {
        TreeMap<OrderKey, I> t = new TreeMap<>();
        for (int i = 0; i < size; i++) {
            t.put(key(i), id(i));
        }
        tree = t;
        held = EMPTY;
        size = 0;
        appendsInOrder = 0;
        return t;
    }

    private void toArray() {
        TreeMap<OrderKey, I> t = tree;
        Object[] array = new Object[stride() * (t.size() + (t.size() >> 1) + 1)];
        int i = 0;
        for (Map.Entry<OrderKey, I> e : t.entrySet()) {
            if (keyOf == null) {
                array[i++] = e.getKey();
            }
            array[i++] = e.getValue();
        }
        tree = null;
        size = t.size();
        held = single() ? array[0] : array;
        appendsInOrder = 0;
    }

    /** The entries the array has room for (0 while a tree, and while the one entry's id is held alone), for tests. */
    int capacity() {
        return single() ? 0 : slots().length / stride();
    }

    private void insertAt(int at, OrderKey key, I id) {
        if (keyOf != null && size == 0) { // the first entry: the id alone, no array
            held = id;
            size = 1;
            return;
        }
        Object[] slots;
        if (single()) { // the second entry: an array of the capacity growth below gives a size of 1
            slots = new Object[2];
            slots[0] = held;
        } else {
            slots = slots();
            if (stride() * size == slots.length) {
                int capacity = size == 0 ? 1 : size + (size >> 1) + 1;
                slots = Arrays.copyOf(slots, stride() * capacity);
            }
        }
        System.arraycopy(slots, stride() * at, slots, stride() * (at + 1), stride() * (size - at));
        if (keyOf == null) {
            slots[2 * at] = key;
        }
        slots[stride() * at + stride() - 1] = id;
        held = slots;
        size++;
    }

    /** Binary search: the position of the key, or {@code -(insertion point) - 1}. */
    private int search(OrderKey key) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = key(mid).compareTo(key);
            if (c < 0) {
                low = mid + 1;
            } else if (c > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -(low + 1);
    }

    private OrderKey key(int i) {
        return keyOf == null ? (OrderKey) slots()[2 * i] : keyOf.apply(id(i));
    }

    @SuppressWarnings("unchecked")
    private I id(int i) {
        return (I) (single() ? held : slots()[stride() * i + stride() - 1]);
    }

    private Map.Entry<OrderKey, I> entry(int i) {
        return new AbstractMap.SimpleImmutableEntry<>(key(i), id(i));
    }

    /** Walks the array from a position in one direction; the index must not change meanwhile. */
    private final class ArrayEntries implements Iterator<Map.Entry<OrderKey, I>> {
        private int next;
        private final int step;

        ArrayEntries(int start, int step) {
            this.next = start;
            this.step = step;
        }

        @Override
        public boolean hasNext() {
            return next >= 0 && next < size;
        }

        @Override
        public Map.Entry<OrderKey, I> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Map.Entry<OrderKey, I> e = entry(next);
            next += step;
            return e;
        }
    }
}
