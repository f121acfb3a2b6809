package dev.crmkit.adapters.memory;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The rows of a {@link Table} by id without an id object per row: one {@link Slot} per row in an array probed
 * linearly from the id's hash, each probe confirmed by asking the slot's stored form whether it has the id
 * ({@link Ids#hasId}; the packed contacts compare the id's two numbers in place). The indexes of the table hold the
 * slots, so the id of a packed row lives only inside its stored form. Null ids are refused. Not thread-safe: guarded
 * by the store's lock.
 *
 * <p>Beside the slots, one byte per place tells a free place (0) from a taken one and keeps eight bits of the taken
 * id's hash (its tag): a probe asks the stored form only when the tags match, so looking up an id that is not here
 * (every insert checks that first) walks the bytes alone instead of reading a row at every place of the probe run
 * (issue 17: those reads were about 5% of capture in memory). One byte per place: about 2 bytes per row.
 *
 * <p>An insert checks that its id is new and then adds it: {@link #vacancy} hands the checker the free place its probe
 * run ended at, which {@link #add(Object, Object, long)} takes unless the places changed since, so an insert walks
 * one probe run instead of two (two inserts per deal move).
 *
 * @param <I> the id type
 */
final class RowSlots<I> {

    private static final int MIN_CAPACITY = 8;

    /**
     * One row: its stored form, replaced by each write. The slot itself stays the row's place in every index for as
     * long as the row is stored.
     */
    static final class Slot {
        Object stored;

        Slot(Object stored) {
            this.stored = stored;
        }
    }

    /** The id of a stored form, and whether a stored form has an id. */
    interface Ids<I> {
        I id(Object stored);

        boolean hasId(Object stored, I id);
    }

    private final Ids<I> ids;
    private Slot[] slots = new Slot[MIN_CAPACITY];
    /** The tag of the id in each place ({@link #tag}), 0 where the place is free. */
    private byte[] tags = new byte[MIN_CAPACITY];
    private int size;
    /**
     * Counts the changes of places ({@link #add}, with the growth it may cause, and {@link #remove}): a
     * {@link #vacancy} handed out before the last change is not used.
     */
    private int changes;
    /**
     * Probe runs walked by the writers' {@link #vacancy}, {@link #add} and {@link #remove}: state kept for tests only
     * (read by {@link #probes()}), counted on the write path under the store's lock because one increment costs
     * nothing there ({@link #get}, which concurrent readers share, writes nothing).
     */
    private long probes;

    RowSlots(Ids<I> ids) {
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    int size() {
        return size;
    }

    /** The slot of the id, or null. */
    Slot get(I id) {
        int mask = slots.length - 1;
        int hash = hash(id);
        byte tag = tag(hash);
        for (int i = hash & mask; tags[i] != 0; i = (i + 1) & mask) {
            if (tags[i] == tag && ids.hasId(slots[i].stored, id)) {
                return slots[i];
            }
        }
        return null;
    }

    /**
     * {@link #NO_VACANCY} when the id is here; otherwise where it would go: the free place its probe run ends at,
     * for an {@link #add(Object, Object, long)} of that id that follows with no other change in between (an insert
     * checks that its id is new, works out its index keys, then adds: one probe run instead of two). The vacancy is a
     * value the caller keeps, so concurrent readers share nothing through it.
     */
    long vacancy(I id) {
        probes++;
        int mask = slots.length - 1;
        int hash = hash(id);
        byte tag = tag(hash);
        int i = hash & mask;
        for (; tags[i] != 0; i = (i + 1) & mask) {
            if (tags[i] == tag && ids.hasId(slots[i].stored, id)) {
                return NO_VACANCY;
            }
        }
        return (long) changes << 32 | i;
    }

    /** {@link #vacancy} of an id that is here, and the vacancy of no look-up. */
    static final long NO_VACANCY = -1;

    /** A new slot holding the stored form of a row whose id is not here yet. */
    Slot add(I id, Object stored) {
        return add(id, stored, NO_VACANCY);
    }

    /**
     * {@link #add(Object, Object)} at the place {@link #vacancy} gave for the same id, when nothing changed the places
     * since; with any other vacancy ({@link #NO_VACANCY}, or one from before a change) the add walks its own probe run.
     *
     * <p>Contract: a current vacancy must be the one {@link #vacancy} gave for this very {@code id}. The vacancy does
     * not carry its id (that would cost a second probe run or bits the change counter needs), so a current vacancy of
     * another id would put the row outside its own probe run, where {@link #get} cannot find it. Under {@code -ea}
     * (every test run) an assertion walks the id's run and refuses such a vacancy; without it nothing is checked.
     */
    Slot add(I id, Object stored, long vacancy) {
        Objects.requireNonNull(id, "id");
        Slot slot = new Slot(Objects.requireNonNull(stored, "stored"));
        int hash = hash(id);
        int i;
        if (vacancy != NO_VACANCY && (int) (vacancy >>> 32) == changes) {
            i = (int) vacancy;
            assert endsProbeRunOf(id, hash, i) : "a vacancy of another id than " + id;
        } else {
            probes++;
            int mask = slots.length - 1;
            i = hash & mask;
            while (tags[i] != 0) {
                i = (i + 1) & mask;
            }
        }
        changes++;
        slots[i] = slot;
        tags[i] = tag(hash);
        if (++size > slots.length / 4 * 3) {
            resize(2 * slots.length);
        }
        return slot;
    }

    /**
     * Whether the place is the free one the probe run of the id (not here) ends at: for the assertion in {@link #add},
     * so it walks the run only when assertions are enabled, and counts no probe.
     */
    private boolean endsProbeRunOf(I id, int hash, int place) {
        int mask = slots.length - 1;
        byte tag = tag(hash);
        for (int i = hash & mask; i != place; i = (i + 1) & mask) {
            if (tags[i] == 0 || tags[i] == tag && ids.hasId(slots[i].stored, id)) {
                return false;
            }
        }
        return tags[place] == 0;
    }

    /** Removes the slot of the id; the slot, or null. */
    Slot remove(I id) {
        probes++;
        int mask = slots.length - 1;
        int hash = hash(id);
        byte tag = tag(hash);
        int i = hash & mask;
        for (; ; i = (i + 1) & mask) {
            if (tags[i] == 0) {
                return null;
            }
            if (tags[i] == tag && ids.hasId(slots[i].stored, id)) {
                break;
            }
        }
        Slot removed = slots[i];
        // backward shift, as in CompactMap: later members of the probe run move into the hole, with their tags
        int hole = i;
        for (int j = (hole + 1) & mask; tags[j] != 0; j = (j + 1) & mask) {
            int home = hash(ids.id(slots[j].stored)) & mask;
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                slots[hole] = slots[j];
                tags[hole] = tags[j];
                hole = j;
            }
        }
        slots[hole] = null;
        tags[hole] = 0;
        size--;
        changes++;
        return removed;
    }

    /** How many probe runs {@link #vacancy}, {@link #add} and {@link #remove} walked: for tests. */
    long probes() {
        return probes;
    }

    /** The slots, in no particular order; the rows must not change while they are walked. */
    Iterable<Slot> slots() {
        return () -> new Iterator<>() {
            private int next = advance(0);

            private int advance(int from) {
                int i = from;
                while (i < slots.length && slots[i] == null) {
                    i++;
                }
                return i;
            }

            @Override
            public boolean hasNext() {
                return next < slots.length;
            }

            @Override
            public Slot next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Slot s = slots[next];
                next = advance(next + 1);
                return s;
            }
        };
    }

    /** The id's hash spread by a Fibonacci multiplication: its low bits pick the home place, its top bits the tag. */
    private static int hash(Object id) {
        int h = id.hashCode() * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** The top eight bits of a spread hash, never 0 (which marks a free place). */
    private static byte tag(int hash) {
        int t = hash >>> 24;
        return (byte) (t == 0 ? 1 : t);
    }

    private void resize(int capacity) {
        Slot[] old = slots;
        byte[] oldTags = tags;
        slots = new Slot[capacity];
        tags = new byte[capacity];
        int mask = capacity - 1;
        for (int k = 0; k < old.length; k++) {
            if (oldTags[k] != 0) {
                int i = hash(ids.id(old[k].stored)) & mask;
                while (tags[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = old[k];
                tags[i] = oldTags[k];
            }
        }
    }
}
