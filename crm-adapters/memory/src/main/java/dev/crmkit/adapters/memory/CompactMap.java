package dev.crmkit.adapters.memory;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A hash map of keys to values without an entry object per mapping: keys and values sit side by side in one array,
 * probed linearly, so a mapping costs two references (about 11 to 16 bytes with the free slots) instead of a
 * {@code HashMap} node's 32 bytes and its table slot, and a put allocates nothing until the array grows. For the
 * indexes of {@link Table}, which hold one mapping per row and per unique key. Null keys and values are refused.
 * Iteration order is unspecified. Not thread-safe: one writer at a time and no reader meanwhile, which {@link Table}
 * ensures (the store's write lock, or a lazy group's build into a map no other thread sees yet); reads change
 * nothing, so readers may share one.
 *
 * <p>Beside the slots, one byte per slot keeps eight bits of the key's hash (its tag, 0 for a free slot), as
 * {@link RowSlots} does: a probe compares the key only where the tags match, so a look-up reads the one key it finds
 * instead of every key of its probe run (each of them an object elsewhere in memory: a deal move's timeline entry
 * looks its deal up among all the records that have a timeline). One byte per slot: about 2 bytes per mapping.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class CompactMap<K, V> {

    private static final int MIN_CAPACITY = 8;

    /** {@code slots[2 * i]} a key or null for a free slot, {@code slots[2 * i + 1]} its value. */
    private Object[] slots = new Object[2 * MIN_CAPACITY];
    /** The tag of the key in each slot ({@link #tag}), 0 where the slot is free. */
    private byte[] tags = new byte[MIN_CAPACITY];
    private int size;
    /**
     * Probes made by the writers' calls ({@link #computeIfAbsent}, {@link #putIfAbsent}, {@link #put}, {@link #remove},
     * {@link #slotOf}): state kept for tests only (read by {@link #probes()}), as {@link RowSlots} counts its runs;
     * {@link #get}, which concurrent readers share, writes nothing.
     */
    private long probes;

    int size() {
        return size;
    }

    /** The value of the key, or null. */
    @SuppressWarnings("unchecked")
    V get(Object key) {
        return (V) slots[2 * find(key, hash(key)) + 1];
    }

    /**
     * The value of the key, or the one {@code make} gives for it, mapped first (one probe either way, where a
     * {@link #get} followed by a {@link #put} probes twice for a new key).
     */
    @SuppressWarnings("unchecked")
    V computeIfAbsent(K key, java.util.function.Function<? super K, ? extends V> make) {
        Objects.requireNonNull(key, "key");
        probes++;
        int hash = hash(key);
        int i = find(key, hash);
        V held = (V) slots[2 * i + 1];
        if (held != null) {
            return held;
        }
        V value = Objects.requireNonNull(make.apply(key), "value");
        take(i, key, value, hash);
        return value;
    }

    /**
     * The value of the key, or (when it has none) null after mapping the key to {@code value}: one probe either way.
     */
    @SuppressWarnings("unchecked")
    V putIfAbsent(K key, V value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        probes++;
        int hash = hash(key);
        int i = find(key, hash);
        V held = (V) slots[2 * i + 1];
        if (held == null) {
            take(i, key, value, hash);
        }
        return held;
    }

    /**
     * The slot that holds the key, or the free slot where it would go (its value null then); {@code hash} is the key's
     * {@link #hash}, worked out once by the caller for this probe and the {@link #take} that may follow.
     */
    private int find(Object key, int hash) {
        int mask = capacity() - 1;
        byte tag = tag(hash);
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            byte t = tags[i];
            if (t == 0 || t == tag && slots[2 * i].equals(key)) {
                return i;
            }
        }
    }

    /**
     * Maps the key to the value in the free slot {@link #find} gave for the key's {@code hash} (not asked of the key
     * again), growing the array when it is too full.
     */
    private void take(int i, K key, V value, int hash) {
        slots[2 * i] = key;
        slots[2 * i + 1] = value;
        tags[i] = tag(hash);
        if (++size > capacity() / 4 * 3) {
            resize(2 * capacity());
        }
    }

    boolean containsKey(Object key) {
        return get(key) != null;
    }

    /** Maps the key to the value; the value it replaced, or null. */
    @SuppressWarnings("unchecked")
    V put(K key, V value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        probes++;
        int hash = hash(key);
        int i = find(key, hash);
        V old = (V) slots[2 * i + 1];
        if (old != null) {
            slots[2 * i + 1] = value;
            return old;
        }
        take(i, key, value, hash);
        return null;
    }

    /**
     * The slot that holds the key, or the free slot where it would go, for {@link #valueAt} and then
     * {@link #replaceAt} or {@link #putAt} with no other change of the map in between: a writer that reads the key's
     * value and then maps it to a value made from it probes once, where a {@link #get} and a {@link #put} probe twice
     * (a group key's second member turns its one slot into an index). Writers only.
     */
    int slotOf(Object key) {
        probes++;
        return find(Objects.requireNonNull(key, "key"), hash(key));
    }

    /** The value in a slot {@link #slotOf} gave, or null when the slot is free. */
    @SuppressWarnings("unchecked")
    V valueAt(int slot) {
        return (V) slots[2 * slot + 1];
    }

    /** Replaces the value in a taken slot {@link #slotOf} gave, with no other change of the map since. */
    void replaceAt(int slot, V value) {
        Objects.requireNonNull(value, "value");
        if (slots[2 * slot + 1] == null) {
            throw new IllegalStateException("slot " + slot + " is free: nothing to replace");
        }
        slots[2 * slot + 1] = value;
    }

    /** Maps the key to the value in the free slot {@link #slotOf} gave for it, with no change of the map since. */
    void putAt(int slot, K key, V value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (slots[2 * slot + 1] != null) {
            throw new IllegalStateException("slot " + slot + " is taken");
        }
        take(slot, key, value, hash(key));
    }

    /** How many probes the writers' calls made ({@link #probes}): for tests. */
    long probes() {
        return probes;
    }

    /** Removes the key; the value it had, or null. */
    @SuppressWarnings("unchecked")
    V remove(Object key) {
        probes++;
        int mask = capacity() - 1;
        int i = find(key, hash(key));
        V old = (V) slots[2 * i + 1];
        if (old == null) {
            return null;
        }
        // backward shift: move later members of the probe run into the hole so every lookup still finds them
        int hole = i;
        for (int j = (hole + 1) & mask; ; j = (j + 1) & mask) {
            Object k = slots[2 * j];
            if (k == null) {
                break;
            }
            int home = hash(k) & mask;
            // k may fill the hole when its home is not cyclically within (hole, j]
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                slots[2 * hole] = k;
                slots[2 * hole + 1] = slots[2 * j + 1];
                tags[hole] = tags[j];
                hole = j;
            }
        }
        slots[2 * hole] = null;
        slots[2 * hole + 1] = null;
        tags[hole] = 0;
        size--;
        return old;
    }

    /** The values, in no particular order; the map must not change while they are walked. */
    Iterable<V> values() {
        return () -> new Slots<>(1);
    }

    /** The keys, in no particular order; the map must not change while they are walked. */
    Iterable<K> keys() {
        return () -> new Slots<>(0);
    }

    /** Walks the taken slots, yielding their key (offset 0) or value (offset 1). */
    private final class Slots<T> implements Iterator<T> {
        private final int offset;
        private int next;

        Slots(int offset) {
            this.offset = offset;
            this.next = advance(0);
        }

        private int advance(int from) {
            int i = from;
            while (i < capacity() && slots[2 * i] == null) {
                i++;
            }
            return i;
        }

        @Override
        public boolean hasNext() {
            return next < capacity();
        }

        @Override
        @SuppressWarnings("unchecked")
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            T t = (T) slots[2 * next + offset];
            next = advance(next + 1);
            return t;
        }
    }

    private int capacity() {
        return slots.length / 2;
    }

    /**
     * The key's hash spread by a Fibonacci multiplication, so probe runs stay short: its low bits pick the home slot,
     * its top bits the tag.
     */
    private static int hash(Object key) {
        int h = key.hashCode() * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** The top eight bits of a spread hash, never 0 (which marks a free slot). */
    private static byte tag(int hash) {
        int t = hash >>> 24;
        return (byte) (t == 0 ? 1 : t);
    }

    private void resize(int capacity) {
        Object[] old = slots;
        byte[] oldTags = tags;
        slots = new Object[2 * capacity];
        tags = new byte[capacity];
        int mask = capacity - 1;
        for (int s = 0; s < old.length; s += 2) {
            Object k = old[s];
            if (k != null) {
                int i = hash(k) & mask;
                while (tags[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[2 * i] = k;
                slots[2 * i + 1] = old[s + 1];
                tags[i] = oldTags[s / 2];
            }
        }
    }
}
