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
    private int size;

    RowSlots(Ids<I> ids) {
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    int size() {
        return size;
    }

    /** The slot of the id, or null. */
    Slot get(I id) {
        int mask = slots.length - 1;
        for (int i = home(id, mask); slots[i] != null; i = (i + 1) & mask) {
            if (ids.hasId(slots[i].stored, id)) {
                return slots[i];
            }
        }
        return null;
    }

    /** A new slot holding the stored form of a row whose id is not here yet. */
    Slot add(I id, Object stored) {
        Objects.requireNonNull(id, "id");
        int mask = slots.length - 1;
        int i = home(id, mask);
        while (slots[i] != null) {
            i = (i + 1) & mask;
        }
        Slot slot = new Slot(Objects.requireNonNull(stored, "stored"));
        slots[i] = slot;
        if (++size > slots.length / 4 * 3) {
            resize(2 * slots.length);
        }
        return slot;
    }

    /** Removes the slot of the id; the slot, or null. */
    Slot remove(I id) {
        int mask = slots.length - 1;
        int i = home(id, mask);
        for (; ; i = (i + 1) & mask) {
            if (slots[i] == null) {
                return null;
            }
            if (ids.hasId(slots[i].stored, id)) {
                break;
            }
        }
        Slot removed = slots[i];
        // backward shift, as in CompactMap: later members of the probe run move into the hole
        int hole = i;
        for (int j = (hole + 1) & mask; slots[j] != null; j = (j + 1) & mask) {
            int home = home(ids.id(slots[j].stored), mask);
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                slots[hole] = slots[j];
                hole = j;
            }
        }
        slots[hole] = null;
        size--;
        return removed;
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

    private static int home(Object id, int mask) {
        int h = id.hashCode() * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }

    private void resize(int capacity) {
        Slot[] old = slots;
        slots = new Slot[capacity];
        int mask = capacity - 1;
        for (Slot s : old) {
            if (s != null) {
                int i = home(ids.id(s.stored), mask);
                while (slots[i] != null) {
                    i = (i + 1) & mask;
                }
                slots[i] = s;
            }
        }
    }
}
